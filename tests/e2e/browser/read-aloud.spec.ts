import type { Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expect, test } from '../support/browser-mode';
import { LibraryPage } from '../support/pages';
import { SEED_TITLE } from '../support/reading-flow';

/**
 * A stand-in voice for the page (read-aloud-real-voices.spec.ts drives the real ones where they are
 * installed): records what it is asked to say; `window.__voice.finish()` speaks the utterance to
 * its end as the voices of Windows and macOS do, a word boundary event at each word and then the
 * end (Chromium on Linux sends no boundaries at all: reading must move on by the end alone).
 */
const STUB_SPEECH = () => {
  const said: Array<{ text: string; speakWords(): void; speakToEnd(): void }> = [];
  class Utterance extends EventTarget {
    lang = '';
    voice: unknown = null;
    rate = 1;
    onend: (() => void) | null = null;
    onerror: unknown = null;
    onboundary: ((event: Event) => void) | null = null;
    constructor(readonly text: string) {
      super();
    }
    /** Every word's boundary, as the words are heard. */
    speakWords(): void {
      for (const word of this.text.matchAll(/\S+/g)) {
        const boundary = Object.assign(new Event('boundary'), { name: 'word', charIndex: word.index, charLength: word[0].length });
        this.onboundary?.(boundary);
        this.dispatchEvent(boundary);
      }
    }
    speakToEnd(): void {
      this.speakWords();
      this.onend?.();
      this.dispatchEvent(new Event('end'));
    }
  }
  const voices = [{ name: 'English (stand-in)', lang: 'en-GB', default: true, localService: true, voiceURI: 'en' }];
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
  Object.defineProperty(window, 'speechSynthesis', {
    value: {
      speak: (utterance: Utterance) => said.push(utterance),
      cancel: () => {},
      getVoices: () => voices,
      addEventListener: () => {},
      removeEventListener: () => {},
    },
  });
  (window as unknown as { __voice: unknown }).__voice = {
    said: () => said.map((utterance) => utterance.text),
    words: () => said.at(-1)?.speakWords(),
    finish: () => said.at(-1)?.speakToEnd(),
  };
};

const highlighted = (page: Page) =>
  page.evaluate(() => [...(CSS.highlights.get('quire-listen') ?? [])].map((range) => (range as Range).toString()));

test('Listen reads the article aloud sentence by sentence, the sentence being heard painted and in view', async ({ page, quire }) => {
  await page.addInitScript(STUB_SPEECH);
  await page.goto(quire.url);
  await new LibraryPage(page).open(SEED_TITLE);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();

  await page.getByRole('button', { name: 'Listen' }).click();
  const bar = page.getByRole('region', { name: 'Read aloud' });
  await expect(bar).toBeVisible();
  const first = await page.evaluate(() => (window as unknown as { __voice: { said(): string[] } }).__voice.said().at(-1)!);
  await expect.poll(() => highlighted(page)).toEqual([first]);

  // Word boundaries go by without moving the sentence on; its end does.
  await page.evaluate(() => (window as unknown as { __voice: { words(): void } }).__voice.words());
  expect(await highlighted(page)).toEqual([first]);
  expect(await page.evaluate(() => (window as unknown as { __voice: { said(): string[] } }).__voice.said())).toEqual([first]);
  await page.evaluate(() => (window as unknown as { __voice: { finish(): void } }).__voice.finish());
  const second = await page.evaluate(() => (window as unknown as { __voice: { said(): string[] } }).__voice.said().at(-1)!);
  expect(second).not.toBe(first);
  await expect.poll(() => highlighted(page)).toEqual([second]);
  await expectAccessible(page, 'reader reading aloud');
  await page.screenshot({ path: test.info().outputPath('read-aloud.png') });

  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect.poll(() => highlighted(page)).toEqual([]);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
});
