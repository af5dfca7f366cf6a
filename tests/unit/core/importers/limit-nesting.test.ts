import { type DefaultTreeAdapterMap, defaultTreeAdapter, parse, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { fragmentText } from '../../../../electron/core/importers/fragment-text';
import { limitFragmentNesting, limitPageNesting, MAX_NESTING_DEPTH } from '../../../../electron/core/importers/limit-nesting';

type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** How many elements deep the tree goes below `root` (iterative, like the code under test). */
function depthOf(root: ParentNode): number {
  let deepest = 0;
  const stack: [ParentNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of node.childNodes) if (defaultTreeAdapter.isElementNode(child)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const fragmentDepth = (html: string): number => depthOf(parseFragment(html));

describe('limitFragmentNesting', () => {
  it('returns markup within the limit exactly as it was', () => {
    const html = '<div><p>One <b>two</b></p><!-- kept --><ul><li>three</li></ul></div>';
    expect(limitFragmentNesting(html, 4)).toBe(html);
    const deep = '<div>'.repeat(MAX_NESTING_DEPTH) + 'x';
    expect(limitFragmentNesting(deep)).toBe(deep);
  });

  it('keeps the text of 20,000 nested elements, nested no deeper than the limit', () => {
    const html = '<div>'.repeat(20_000) + 'deep text' + '</div>'.repeat(20_000) + '<p>after</p>';
    const limited = limitFragmentNesting(html);
    expect(fragmentDepth(limited)).toBe(MAX_NESTING_DEPTH);
    expect(fragmentText(limited)).toBe('deep text\nafter');
  });

  it('keeps blocks and line breaks apart and leaves out what a reader never sees', () => {
    const html = '<section><div><p>one</p><script>alert(1)</script><p hidden>hidden</p><style>p{}</style><p>two<br>three</p></div></section>';
    const limited = limitFragmentNesting(html, 1);
    expect(fragmentDepth(limited)).toBe(1);
    expect(fragmentText(limited)).toBe('one\ntwo\nthree\n');
  });

  it('keeps markup-looking text as text', () => {
    const limited = limitFragmentNesting('<div><span>&lt;img src=x onerror=alert(1)&gt;</span></div>', 1);
    expect(limited).toBe('<div>&lt;img src=x onerror=alert(1)&gt;</div>');
  });

  it('empties a template at the limit (its content is never shown)', () => {
    const limited = limitFragmentNesting('<div><template><b><i>x</i></b></template>y</div>', 2);
    expect(fragmentText(limited)).toBe('y');
    expect(limited).toBe('<div><template></template>y</div>');
  });
});

describe('limitPageNesting', () => {
  it('counts from <html> and keeps the head', () => {
    const page = `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body>${'<b>'.repeat(20_000)}deep</body></html>`;
    const limited = limitPageNesting(page);
    const document = parse(limited);
    expect(depthOf(document)).toBe(MAX_NESTING_DEPTH);
    expect(limited).toMatch(/^<!DOCTYPE html><html lang="en"><head><title>T<\/title><\/head><body>/);
    expect(limited).toContain('deep');
  });
});
