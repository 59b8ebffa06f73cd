// Saving from the page: a Blob behind a temporary <a download>. Chromium (and Electron, which asks
// where to save) treat it as a download; nothing is sent anywhere.
export function downloadBlob(blob: Blob, name: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start the download only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Text (JSON, CSV, NDJSON…) saved as a file. */
export function download(fileName: string, content: BlobPart, type: string): void {
  downloadBlob(new Blob([content], { type }), fileName);
}
