// Saving from the page: a Blob behind a temporary <a download>. Chromium (and Electron, which asks
// where to save) treat it as a download; nothing is sent anywhere.
export function download(fileName: string, content: BlobPart, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([content], { type }));
  a.download = fileName;
  a.click();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}
