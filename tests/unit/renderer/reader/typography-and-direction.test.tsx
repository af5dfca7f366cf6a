import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../../electron/shared/models';
import { detectDirection } from '../../../../renderer/reader/text-direction';
import { createFakeApi, makeArticle, makeContent } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

// An Arabic news paragraph with an English name in it, and an English line (mixed directions).
const ARABIC = 'قال وزير الخارجية العراقي فؤاد حسين إن علاقات بلاده مع إيران قوية، وإن العراق يسعى إلى التقريب بين وجهات نظر الدول المجاورة.';
const MIXED_HTML = `<h2>العلاقات الإقليمية</h2><p>${ARABIC}</p><p>Read more: Iran Amb. to Iraq dismisses claims.</p>`;

async function openArticle(meta: Partial<ArticleMeta> = {}, html = '<p>The boats left the quiet harbour at dawn.</p>') {
  const api = createFakeApi({
    articles: [makeArticle({ id: 't1', title: 'Reading Test', ...meta })],
    contents: new Map([['t1', makeContent('t1', html)]]),
  });
  const view = renderWithApi(api);
  await view.user.click(await screen.findByRole('button', { name: meta.title ?? 'Reading Test' }));
  await screen.findByRole('heading', { level: 1 });
  const container = document.querySelector<HTMLElement>('.article-content')!;
  return { api, ...view, container };
}

describe('Reader typography', () => {
  it('offers a dyslexia-friendly font, applied at once and saved', async () => {
    const { api, user } = await openArticle();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Font' }), 'Dyslexia-friendly');
    expect(document.querySelector('.reader-article')).toHaveClass('font-dyslexic');
    expect(api.setSettings).toHaveBeenCalledWith({ fontFamily: 'dyslexic' });
  });

  it('sets line spacing and column width from the Text layout panel', async () => {
    const { api, user } = await openArticle();
    const toggle = screen.getByRole('button', { name: 'Text layout' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    fireEvent.change(screen.getByRole('slider', { name: 'Line spacing' }), { target: { value: '2' } });
    fireEvent.change(screen.getByRole('slider', { name: 'Column width' }), { target: { value: '52' } });
    expect(api.setSettings).toHaveBeenCalledWith({ lineHeight: 2 });
    expect(api.setSettings).toHaveBeenCalledWith({ columnWidth: 52 });
    expect(document.documentElement.style.getPropertyValue('--reader-line-height')).toBe('2');
    expect(document.documentElement.style.getPropertyValue('--reader-column-width')).toBe('52ch');
    expect(screen.getByText('52 characters')).toBeInTheDocument();
  });
});

describe('Reader direction', () => {
  it('lays out an article right to left when its metadata says so', async () => {
    const { container } = await openArticle({ dir: 'rtl', lang: 'ar' }, '<p>Lorem ipsum dolor sit amet.</p>');
    expect(container).toHaveAttribute('dir', 'rtl');
    expect(document.querySelector('.article-header')).toHaveAttribute('dir', 'rtl');
  });

  it('detects right to left from the text when the metadata has no direction, each line finding its own', async () => {
    const { container } = await openArticle({ dir: null, lang: null }, MIXED_HTML);
    expect(container).toHaveAttribute('dir', 'rtl');
    const [heading, arabic, english] = Array.from(container.querySelectorAll('h2, p'));
    expect(heading).toHaveAttribute('dir', 'auto');
    expect(arabic).toHaveAttribute('dir', 'auto');
    expect(english).toHaveAttribute('dir', 'auto');
    expect(container.textContent).toBe(makeContent('x', MIXED_HTML).text);
  });

  it('is not flipped by a Latin quote at the start of an Arabic text, nor by Arabic words in English text', () => {
    expect(detectDirection(`"Strong" — ${ARABIC}`)).toBe('rtl');
    expect(detectDirection('The Arabic word قوية means strong, as the minister said of the relations.')).toBe('ltr');
  });
});
