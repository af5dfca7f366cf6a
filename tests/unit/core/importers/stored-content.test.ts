/**
 * `sanitizeStoredContent` judges HTML that did not come from an importer just now: what an
 * importer writes passes unchanged (the corpus test in hostile-archive.test.ts), and anything the
 * sanitizer would remove or rewrite is reported changed, each case here one small attack.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeStoredContent } from '../../../../electron/core/importers/stored-content';

const hasAsset = (asset: string): boolean => asset === 'assets/0123456789abcdef0123.png';
const judged = (html: string) => sanitizeStoredContent(html, hasAsset);

describe('stored reader HTML', () => {
  it('leaves plain reader HTML as it is, with its text', () => {
    const html =
      '<h1 id="top">Title</h1>\n<p lang="fr" dir="ltr">Un <a href="https://example.org/" rel="noopener noreferrer">lien</a> et <a href="#top">le haut</a>.</p>\n' +
      '<figure><img src="assets/0123456789abcdef0123.png" alt="A map"><figcaption>A map</figcaption></figure>\n<p><span class="quire-image-alt">A lost picture</span></p>';
    expect(judged(html)).toEqual({ html, text: 'Title\nUn lien et le haut.\nA map\nA lost picture', changed: false });
  });

  it.each([
    ['a script', '<p>Text</p><script>alert(1)</script>'],
    ['an event handler', '<p onclick="alert(1)">Text</p>'],
    ['a javascript: link', '<p><a href="javascript:alert(1)" rel="noopener noreferrer">Text</a></p>'],
    ['an outside link without rel', '<p><a href="https://example.org/">Text</a></p>'],
    ['an image that is not a stored asset', '<p>Text<img src="http://127.0.0.1:9999/x.png" alt="x"></p>'],
    ['an asset path the article does not have', '<p>Text<img src="assets/ffffffffffffffffffff.png" alt="x"></p>'],
    ['a class', '<p class="app-header">Text</p>'],
    ['a style', '<p style="position:fixed;inset:0">Text</p>'],
    ['a hidden element', '<p>Text</p><p hidden>Secret</p>'],
    ['a comment', '<p>Text</p><!-- <img src=x onerror=alert(1)> -->'],
    ['an iframe', '<p>Text</p><iframe src="http://127.0.0.1:9999/"></iframe>'],
    ['a form', '<form action="http://127.0.0.1:9999/"><input name="q"></form><p>Text</p>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9999/"><p>Text</p>'],
    ['an SVG', '<p>Text</p><svg><a href="javascript:alert(1)"><text>x</text></a></svg>'],
  ])('reports %s as changed, and removes it', (_what, html) => {
    const result = judged(html);
    expect(result.changed).toBe(true);
    expect(result.html).not.toMatch(/<script|\son\w+=|javascript:|<iframe|<form|<input|<meta|<svg|style=|class="app|127\.0\.0\.1|hidden|<!--/);
    expect(result.text).toContain('Text');
  });
});
