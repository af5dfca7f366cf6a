/**
 * Copies text to the clipboard: the Clipboard API where the page may use it (Electron, a
 * browser on localhost), else the older copy command on the current selection. True if copied.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No permission or no Clipboard API: the selection is still there to copy.
    return document.execCommand('copy');
  }
}
