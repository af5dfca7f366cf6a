import { describe, expect, it } from 'vitest';
import { prepareArticleHtml } from '../../../../renderer/reader/article-html';

describe('article HTML as the reader shows it', () => {
  it('drops what belongs to a page head, a refresh that would move the tab above all', () => {
    const stored =
      '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9999/">' +
      '<base href="http://127.0.0.1:9999/"><link rel="prefetch" href="http://127.0.0.1:9999/x">' +
      '<p>Text <a href="https://example.org/">a link</a></p>';
    const shown = prepareArticleHtml(stored, 'a1b2c3d4e5f60718');
    const template = document.createElement('template');
    template.innerHTML = shown;
    expect(template.content.querySelectorAll('meta, base, link')).toHaveLength(0);
    expect(template.content.textContent).toBe('Text a link');
    expect(template.content.querySelector('a')?.getAttribute('href')).toBe('https://example.org/');
  });

  it('leaves HTML with nothing to change as it is', () => {
    const stored = '<p dir="auto">Plain words.</p>';
    expect(prepareArticleHtml(stored, 'a1b2c3d4e5f60718')).toBe(stored);
  });
});
