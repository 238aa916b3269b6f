// Stands for the application's own storage in the snippets of docs/dedupe.md.
export async function saveEvent(payload: unknown): Promise<void> {
  void payload;
}
