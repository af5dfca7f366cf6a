/**
 * Reads one text file off the page's thread: decoding a million words of UTF-8 took the page a
 * task of a few hundred milliseconds; here it costs the page only the copy of the string that
 * arrives (read-content.ts). Answers the text, or null when the file cannot be read.
 */
// A module worker (read-content.ts starts it with `type: 'module'`).
export {};

const answer = (text: string | null) => postMessage(text);

onmessage = async (event: MessageEvent<string>) => {
  try {
    const response = await fetch(event.data);
    answer(response.ok ? await response.text() : null);
  } catch {
    answer(null);
  }
};
