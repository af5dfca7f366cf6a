import { describe, expect, it } from 'vitest';
import { MAX_CSS_CHARS, MAX_SELECTOR_CHARS, sanitizeCss, sanitizeDeclarations } from '../../../../../electron/core/importers/css-sanitizer';

/** The book's own files: only `images/ok.png` is stored. */
const resolveUrl = (url: string): Promise<string | null> => Promise.resolve(url === 'images/ok.png' ? 'assets/0123456789abcdef0123.png' : null);
const clean = (css: string): Promise<string> => sanitizeCss(css, { resolveUrl });

describe('the CSS of a fixed-layout page', () => {
  it('keeps positioned layout as the author wrote it', async () => {
    const css = await clean('.caption { position: absolute; top: 40px; left: 60px; width: 480px; transform: rotate(3deg) } p { color: rgb(10, 20, 30) }');
    expect(css).toContain('.caption{position:absolute;top:40px;left:60px;width:480px;transform:rotate(3deg)}');
    expect(css).toContain('p{color:rgb(10,20,30)}');
  });

  it("points url() at the book's stored picture and drops what names anything else", async () => {
    const css = await clean(`
      .a { background: url(images/ok.png) no-repeat; color: red }
      .b { background-image: url(http://tracker.example/x.png); color: blue }
      .c { background-image: url("https://tracker.example/y.png") }
      .d { background: url(data:image/svg+xml,<svg onload=alert(1)>) }
      .e { cursor: url(../../etc/passwd), auto }`);
    expect(css).toMatch(/\.a\{background:url\(assets\/0123456789abcdef0123\.png\) ?no-repeat;color:red\}/);
    expect(css).toContain('.b{color:blue}');
    expect(css).not.toMatch(/tracker|data:|passwd|\.c|\.d|\.e/);
  });

  it('drops @import, @font-face and other at-rules, keeping @media around rules', async () => {
    const css = await clean(`
      @import url(http://evil.example/a.css);
      @import "http://evil.example/b.css";
      @font-face { font-family: X; src: url(images/ok.png) }
      @namespace svg url(http://www.w3.org/2000/svg);
      @media (min-width: 500px) { .wide { width: 500px } @import "x.css"; }`);
    expect(css).not.toMatch(/@import|@font-face|@namespace|evil/);
    expect(css).toContain('@media (min-width:500px){.wide{width:500px}}');
  });

  it('drops expressions, behaviors, bindings and functions that load or run anything', async () => {
    const css = await clean(`
      .a { width: expression(alert(1)); height: 10px }
      .b { behavior: url(images/ok.png); -moz-binding: url(x.xml#y); color: red }
      .c { background: image-set("http://evil.example/a.png" 1x) }
      .d { content: attr(data-x) ; width: paint(foo) }
      .e { background: -webkit-image-set(url(images/ok.png) 1x) }`);
    expect(css).toContain('.a{height:10px}');
    expect(css).toContain('.b{color:red}');
    expect(css).not.toMatch(/expression|behavior|binding|image-set|attr\(|paint|evil|\.c|\.d|\.e/);
  });

  it('never pins anything over the app and never reaches outside its page', async () => {
    const css = await clean(':host { display: none } ::slotted(p) { color: red } .x::part(y) { color: red } .menu { position: fixed; top: 0 } :root { background: black } html body .t { color: green }');
    expect(css).not.toMatch(/host|slotted|part|fixed/);
    expect(css).toContain('.menu{position:absolute;top:0}');
    expect(css).toContain('epub-html{background:black}');
    expect(css).toContain('epub-html epub-body .t{color:green}');
  });

  it('cannot close a <style> element, whatever it holds', async () => {
    const css = await clean('.a::after { content: "</style><script>alert(1)</script>" } </style><img src=x onerror=alert(1)> .b { color: red }');
    expect(css).not.toContain('<');
  });

  it('drops huge selectors and huge sheets without reading them', async () => {
    const huge = Array.from({ length: 400 }, (_, i) => `.s${i}`).join(', ');
    expect(huge.length).toBeGreaterThan(MAX_SELECTOR_CHARS);
    expect(await clean(`${huge} { color: red } .ok { color: blue }`)).toBe('.ok{color:blue}');
    expect(await clean(`.a { color: red } /*${'x'.repeat(MAX_CSS_CHARS)}*/`)).toBe('');
  });

  it('reads broken CSS as far as it makes sense, never throwing', async () => {
    for (const broken of ['{{{{', '.a { color: ', '}}} .b { color: red }', '@media { .a { }', '\u0000\uFFFF', '.a{width:calc(}']) {
      await expect(clean(broken)).resolves.not.toContain('<');
    }
    expect(await clean('.a { color: ; } .b { color: red }')).toBe('.b{color:red}');
  });

  it("sanitizes a style attribute's declarations alike", async () => {
    expect(await sanitizeDeclarations('top: 40px; background: url(http://evil.example/x.png); color: #123', { resolveUrl })).toBe('top:40px;color:#123');
  });
});
