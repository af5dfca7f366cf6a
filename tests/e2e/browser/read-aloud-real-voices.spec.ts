import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ImportOutcome } from '../../../electron/shared/models';
import { expect, test as browserTest } from '../support/browser-mode';
import { callApi, LibraryPage } from '../support/pages';
import { realVoicesMissing, SPEECH_DISPATCHER_FLAG, startRealVoices, type RealVoices } from '../support/real-voices';

/**
 * Read aloud against the system's real voices: Debian's speech-dispatcher and espeak-ng, heard
 * through a silent sound server (tests/e2e/support/real-voices.ts), in a Chromium started with the
 * flag that lets it reach them. Where they are not installed the test skips, saying which package
 * is missing. Nothing stands in for the Web Speech API: the ends of sentences come from the engine.
 */
const test = browserTest.extend<object, { realVoices: RealVoices }>({
  realVoices: [
    async ({}, use) => {
      const voices = await startRealVoices();
      await use(voices);
      await voices.stop();
    },
    { scope: 'worker' },
  ],
  launchOptions: [
    async ({ launchOptions, realVoices }, use) => {
      await use({
        ...launchOptions,
        args: [...(launchOptions.args ?? []), SPEECH_DISPATCHER_FLAG],
        env: { ...process.env, SPEECHD_ADDRESS: realVoices.address },
      });
    },
    { scope: 'worker' },
  ],
});

// Runs wherever Debian's speech packages are installed (.ci/run installs them); elsewhere it is
// skipped with a sentence naming the packages that are missing and the command that installs them.
const missing = realVoicesMissing();
test.skip(missing !== null, missing ?? '');

/**
 * Short sentences: each lasts a second or so when spoken, and there are more than the test waits
 * for, so that reading is still going whenever the test looks, however loaded the machine. The
 * title is not read.
 */
const ENGLISH = {
  title: 'Voices on the hill',
  lang: 'en',
  sentences: [
    'The wind was cold.',
    'We walked on.',
    'The sun came out at noon.',
    'Then we went home.',
    'The dog slept by the fire.',
    'Rain fell in the night.',
    'By morning the road was white.',
    'Nobody went out.',
    'We read by the window.',
    'The day was long and quiet.',
  ],
};
const FRENCH = {
  title: 'Des voix sur la colline',
  lang: 'fr',
  sentences: ['Le vent était froid.', 'Nous avons marché.', 'Le soleil est sorti à midi.', 'Puis nous sommes rentrés.', 'Le chien dormait près du feu.', 'La pluie est tombée la nuit.'],
};
/** Tagged `zh`, which no espeak-ng voice is: its Chinese voices say `cmn` (Mandarin), `yue`, `hak`. */
const CHINESE = {
  title: '山上的声音',
  lang: 'zh',
  sentences: ['风很冷。', '我们继续走。', '中午太阳出来了。', '然后我们回家了。', '狗在火边睡觉。', '夜里下了雨。'],
};
/** A language espeak-ng has no voice for. */
const YORUBA = {
  title: 'Ohùn lórí òkè',
  lang: 'yo',
  sentences: ['Afẹ́fẹ́ tutù.', 'A rìn lọ.', 'Oòrùn yọ ní ọ̀sán.', 'Lẹ́yìn náà a padà sílé.', 'Ajá sùn.', 'Òjò rọ̀ lóru.'],
};

function writeArticle(dir: string, article: typeof ENGLISH): string {
  const { title, sentences } = article;
  const half = Math.ceil(sentences.length / 2);
  const file = path.join(dir, `${article.lang}.html`);
  writeFileSync(
    file,
    `<!doctype html><html lang="${article.lang}"><head><meta charset="utf-8"><title>${title}</title></head><body><article>` +
      `<h1>${title}</h1><p>${sentences.slice(0, half).join(' ')}</p><p>${sentences.slice(half).join(' ')}</p></article></body></html>`,
  );
  return file;
}

/**
 * Notes, frame by frame, each sentence the page marks as being read: what a person watching would
 * have seen, even of a sentence read faster than a test can look.
 */
const WATCH_HIGHLIGHTS = () => {
  const seen: string[] = [];
  (window as unknown as { __marked: string[] }).__marked = seen;
  const look = (): void => {
    const marked = [...(CSS.highlights.get('quire-listen') ?? [])].map((range) => (range as Range).toString()).join(' ');
    if (marked && marked !== seen.at(-1)) seen.push(marked);
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

/** Every sentence marked so far, in order. */
const marked = (page: Page) => page.evaluate(() => [...(window as unknown as { __marked: string[] }).__marked]);

/** The sentence marked now, if any. */
const highlighted = (page: Page) =>
  page.evaluate(() => [...(CSS.highlights.get('quire-listen') ?? [])].map((range) => (range as Range).toString()));

/** Whether the engine is sounding now: what a listener hears, or not. */
const speaking = (page: Page) => page.evaluate(() => speechSynthesis.speaking);

/** The voice menu's choices as a person reads them, and the chosen one. */
async function voiceMenu(bar: Locator): Promise<{ chosen: string; choices: string[] }> {
  const menu = bar.getByLabel('Voice');
  return {
    chosen: await menu.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? ''),
    choices: await menu.evaluate((select: HTMLSelectElement) => [...select.options].map((option) => option.textContent ?? '')),
  };
}

test('Listen reads with the system’s real voices: one for the article’s language, sentence after sentence, paused, resumed and stopped', async ({
  page,
  quire,
  consoleErrors,
}) => {
  // Real speech takes the time it takes to hear: 25–40 s here on a loaded two-core machine.
  test.slow();
  const dir = test.info().outputPath('articles');
  mkdirSync(dir, { recursive: true });
  await page.addInitScript(WATCH_HIGHLIGHTS);
  await page.goto(quire.url);
  const outcomes = await callApi<ImportOutcome[]>(page, 'importPaths', [ENGLISH, FRENCH, CHINESE, YORUBA].map((article) => writeArticle(dir, article)));
  expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
  await page.reload();
  const library = new LibraryPage(page);

  await library.open(ENGLISH.title);
  await expect(page.getByRole('heading', { level: 1, name: ENGLISH.title })).toBeVisible();
  // The engine lists its voices a moment after the page asks: Listen waits for none of them.
  await expect.poll(() => page.evaluate(() => speechSynthesis.getVoices().length)).toBeGreaterThan(1);

  await page.getByRole('button', { name: 'Listen' }).click();
  const bar = page.getByRole('region', { name: 'Read aloud' });
  await expect(bar).toBeVisible();
  await expect.poll(async () => (await marked(page)).slice(0, 1)).toEqual([ENGLISH.sentences[0]]);
  await expect.poll(() => speaking(page)).toBe(true);

  // An English voice, chosen for the English article; the menu offers English voices only.
  const english = await voiceMenu(bar);
  expect(english.chosen).toMatch(/\(English\)$/);
  expect(english.choices.length).toBeGreaterThan(1);
  expect(english.choices.filter((choice) => !/\(English\)$/.test(choice))).toEqual([]);

  // Twice as fast: kept for every article, and the test hears more in less time.
  await bar.getByLabel('Speed').selectOption({ label: '2×' });

  // The end of each spoken sentence, reported by the engine, moves the highlight on.
  await expect.poll(async () => (await marked(page)).slice(0, 2), { timeout: 15_000 }).toEqual(ENGLISH.sentences.slice(0, 2));

  // Pause: silence, the sentence stays marked. Comma and full stop move the mark back and forth
  // without a sound; resume speaks the marked sentence from its start, and reading goes on.
  await page.keyboard.press('l');
  await expect(bar.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect.poll(() => speaking(page)).toBe(false);
  const [pausedOn] = await highlighted(page);
  const at = ENGLISH.sentences.indexOf(pausedOn!);
  expect(at).toBeGreaterThan(0);
  await page.keyboard.press(',');
  await expect.poll(() => highlighted(page)).toEqual([ENGLISH.sentences[at - 1]]);
  await page.keyboard.press('.');
  await expect.poll(() => highlighted(page)).toEqual([pausedOn]);
  expect(await speaking(page)).toBe(false);
  const markedWhilePaused = (await marked(page)).length;
  await page.keyboard.press('l');
  await expect(bar.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => speaking(page)).toBe(true);
  await expect
    .poll(async () => (await marked(page)).slice(markedWhilePaused - 1, markedWhilePaused + 1), { timeout: 15_000 })
    .toEqual([pausedOn, ENGLISH.sentences[at + 1]]);

  // Another English voice, chosen by the person, is the one used from now on for English.
  const other = english.choices.find((choice) => choice !== english.chosen)!;
  await bar.getByLabel('Voice').selectOption({ label: other });
  await expect.poll(async () => (await voiceMenu(bar)).chosen).toBe(other);

  // Leaving the article silences it.
  await page.getByRole('button', { name: /^Back/ }).first().click();
  await library.loaded();
  await expect.poll(() => speaking(page)).toBe(false);
  expect(await highlighted(page)).toEqual([]);

  // The French article gets a French voice of its own, and is read in it.
  await library.open(FRENCH.title);
  await page.getByRole('button', { name: 'Listen' }).click();
  const frenchMarked = async () => (await marked(page)).filter((sentence) => FRENCH.sentences.includes(sentence));
  await expect.poll(frenchMarked).toContain(FRENCH.sentences[0]);
  await expect.poll(() => speaking(page)).toBe(true);
  const french = await voiceMenu(bar);
  expect(french.chosen).toMatch(/\(French\)$/);
  expect(french.choices.filter((choice) => !/\(French\)$/.test(choice))).toEqual([]);
  await expect.poll(async () => (await frenchMarked()).slice(0, 2), { timeout: 15_000 }).toEqual(FRENCH.sentences.slice(0, 2));
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect.poll(() => speaking(page)).toBe(false);

  // Back in the English article, the voice chosen for English is still the one offered.
  await page.getByRole('button', { name: /^Back/ }).first().click();
  await library.open(ENGLISH.title);
  await page.getByRole('button', { name: 'Listen' }).click();
  await expect.poll(async () => (await voiceMenu(bar)).chosen).toBe(other);
  await page.keyboard.press('Escape');
  await expect.poll(() => speaking(page)).toBe(false);

  // A Chinese article is read in Mandarin.
  await page.getByRole('button', { name: /^Back/ }).first().click();
  await library.open(CHINESE.title);
  await page.getByRole('button', { name: 'Listen' }).click();
  await expect.poll(async () => (await marked(page)).filter((sentence) => CHINESE.sentences.includes(sentence))).toContain(CHINESE.sentences[0]);
  await expect.poll(() => speaking(page)).toBe(true);
  expect((await voiceMenu(bar)).chosen).toMatch(/^Chinese \(Mandarin/);
  await page.keyboard.press('Escape');
  await expect.poll(() => speaking(page)).toBe(false);

  // No voice speaks Yoruba: Listen says so in one sentence, stays silent and offers the voices
  // there are; the one chosen reads the article at once.
  await page.getByRole('button', { name: /^Back/ }).first().click();
  await library.open(YORUBA.title);
  await page.getByRole('button', { name: 'Listen' }).click();
  await expect(bar.getByRole('status')).toHaveText('This system has no voice for Yoruba; choose one of the voices it has.');
  expect(await speaking(page)).toBe(false);
  // One voice per language, the likeliest: the same English one the English article got first.
  const offered = await voiceMenu(bar);
  expect(offered.choices.filter((choice) => /\((English|French)\)$/.test(choice))).toEqual([english.chosen, french.chosen]);
  await bar.getByLabel('Voice').selectOption({ label: english.chosen });
  await expect(bar.getByText('no voice for Yoruba', { exact: false })).toHaveCount(0);
  await expect.poll(() => marked(page)).toContain(YORUBA.sentences[0]);
  await expect.poll(() => speaking(page)).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => speaking(page)).toBe(false);
  expect(consoleErrors).toEqual([]);
});
