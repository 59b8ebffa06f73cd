// Opening a JSON file the user chose in the page: the parsed value, or a sentence saying why not.
export type JsonRead = { ok: true; value: unknown } | { ok: false; error: string };

export async function readJsonFile(file: { name: string; text(): Promise<string> }): Promise<JsonRead> {
  try {
    return { ok: true, value: JSON.parse(await file.text()) };
  } catch (err) {
    return { ok: false, error: `${file.name} is not valid JSON: ${(err as Error).message}` };
  }
}
