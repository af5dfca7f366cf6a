import { describe, expect, it } from 'vitest';
import { parseFragment } from '../../../../electron/core/importers/dom-window';
import { normalizeReaderHtml } from '../../../../electron/core/importers/normalize-html';

/** Normalizes `html` and checks the invariant the reader relies on. */
function normalize(html: string): { html: string; text: string } {
  const result = normalizeReaderHtml(parseFragment(html));
  expect(parseFragment(result.html).textContent).toBe(result.text);
  return result;
}

describe('normalizeReaderHtml', () => {
  it('separates blocks with exactly one newline and drops indentation', () => {
    const { text } = normalize(`
      <h1>  Title </h1>
      <p>First
         paragraph.</p>


      <div><p>Nested</p><p>blocks</p></div>`);
    expect(text).toBe('Title\nFirst paragraph.\nNested\nblocks');
  });

  it('collapses whitespace across inline elements the way a browser renders it', () => {
    expect(normalize('<p>Hello <b> world </b> <i>again</i> !</p>').text).toBe('Hello world again !');
    expect(normalize('<p>a<span> </span>b</p>').text).toBe('a b');
  });

  it('keeps non-breaking spaces, which a browser does not collapse', () => {
    expect(normalize('<p>10&nbsp;km</p>').text).toBe('10\u00a0km');
  });

  it('keeps line breaks as newlines, but not at the edges of a paragraph', () => {
    expect(normalize('<p><br>one<br> two <br></p>').text).toBe('one\ntwo');
  });

  it('keeps preformatted text as it is, apart from blank lines at its edges', () => {
    const { text } = normalize('<p>Code:</p><pre>\n\n  indented\n\tline  \n\n</pre>');
    expect(text).toBe('Code:\n  indented\n\tline');
  });

  it('separates table cells with tabs and rows with newlines', () => {
    const { text } = normalize('<table><tr><th>Name</th> <td>Value</td></tr>\n<tr><td>a</td><td>b</td></tr></table>');
    expect(text).toBe('Name\tValue\na\tb');
  });

  it('treats text next to a block as its own line', () => {
    expect(normalize('<div>intro<p>para</p>outro</div>').text).toBe('intro\npara\noutro');
    expect(normalize('<a href="#x"><div>linked block</div></a><p>after</p>').text).toBe('linked block\nafter');
  });

  it('ignores empty blocks and comments', () => {
    expect(normalize('<p>a</p><p> </p><!-- note --><hr><p>b</p>').text).toBe('a\nb');
  });

  it('gives no text for markup without text', () => {
    expect(normalize('<div> <p></p> </div>').text).toBe('');
  });
});
