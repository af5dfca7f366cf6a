/**
 * A small zip built in memory (an export the UI downloads): text files only, so it stays small.
 * yazl loads with the first zip (as in zip-write.ts): the core imports this module for its export
 * calls, and every command and host opens the core.
 */

export async function zipInMemory(files: readonly { name: string; text: string }[]): Promise<Buffer> {
  const { default: yazl } = await import('yazl');
  const zip = new yazl.ZipFile();
  for (const file of files) zip.addBuffer(Buffer.from(file.text, 'utf8'), file.name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
