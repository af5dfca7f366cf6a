import { describe, expect, it } from 'vitest';
import { snippetToSafeHtml } from '../../../../renderer/search/safe-snippet';

function parse(html: string): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return holder;
}

describe('snippetToSafeHtml', () => {
  it('keeps <mark> around matched words and the escaped text as it was', () => {
    const html = snippetToSafeHtml('a &lt;b&gt; &amp; <mark>word</mark> here');
    const holder = parse(html);
    expect(holder.querySelectorAll('mark')).toHaveLength(1);
    expect(holder.querySelector('mark')?.textContent).toBe('word');
    expect(holder.textContent).toBe('a <b> & word here');
  });

  it('turns any other markup into visible text', () => {
    const holder = parse(snippetToSafeHtml('<img src=x onerror=alert(1)><mark class="x" onclick="y">hit</mark><script>z</script>'));
    expect(holder.querySelector('img, script')).toBeNull();
    expect(Array.from(holder.querySelectorAll('*')).map((e) => e.tagName)).toEqual([]);
    expect(holder.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(holder.textContent).toContain('<script>z</script>');
  });

  it('balances stray mark tags', () => {
    const holder = parse(snippetToSafeHtml('</mark>one <MARK>two <mark>three'));
    const marks = holder.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]?.attributes).toHaveLength(0);
    expect(holder.textContent).toBe('one two three');
  });

  it('escapes ampersands that do not start a character reference', () => {
    expect(snippetToSafeHtml('R&D &#x3c;ok&#62; &bogus')).toBe('R&amp;D &#x3c;ok&#62; &amp;bogus');
  });
});
