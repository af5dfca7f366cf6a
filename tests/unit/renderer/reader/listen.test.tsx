/**
 * Read aloud in the reader, against a stand-in for the Web Speech API that records what it is
 * asked to say and ends an utterance when the test says so (as a voice would when done).
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, makeArticle, makeContent } from '../support/fake-api';
import { renderWithApi } from '../support/render-app';

class FakeUtterance {
  lang = '';
  voice: { name: string } | null = null;
  rate = 1;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

const VOICES = [
  { name: 'English (Great Britain)', lang: 'en-GB', default: true, localService: true, voiceURI: 'eng' },
  { name: 'French (France)', lang: 'fr-FR', default: false, localService: true, voiceURI: 'fra' },
];

let spoken: FakeUtterance[];
let engine: { speak: ReturnType<typeof vi.fn>; cancel: ReturnType<typeof vi.fn>; getVoices: () => typeof VOICES; addEventListener: () => void; removeEventListener: () => void };

beforeEach(() => {
  spoken = [];
  engine = {
    speak: vi.fn((utterance: FakeUtterance) => void spoken.push(utterance)),
    cancel: vi.fn(),
    getVoices: () => VOICES,
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(window, 'speechSynthesis');
});

// Blocks are separated by a line break in the stored text, as the importers write it.
const HTML = '<p>The Tigris rises in Turkey. It meets the Euphrates at Qurna.</p>\n<p>Together they reach the Gulf.</p>';

async function openArticle(lang: string, html = HTML) {
  const api = createFakeApi({
    articles: [makeArticle({ id: 'r1', title: 'Rivers', lang })],
    contents: new Map([['r1', makeContent('r1', html)]]),
  });
  const view = renderWithApi(api);
  await view.user.click(await screen.findByRole('button', { name: 'Rivers' }));
  await screen.findByRole('heading', { level: 1, name: 'Rivers' });
  return { api, ...view };
}

const lastSaid = () => spoken.at(-1)!;
const finishSpeaking = () => act(() => lastSaid().onend?.());

describe('read aloud', () => {
  it('Listen reads sentence after sentence in the article’s language; pause, resume, next, previous and Escape work as a listener expects', async () => {
    const { user } = await openArticle('en');
    await user.click(screen.getByRole('button', { name: 'Listen' }));
    expect(lastSaid().text).toBe('The Tigris rises in Turkey.');
    expect(lastSaid().voice?.name).toBe('English (Great Britain)');
    expect(lastSaid().lang).toBe('en');
    const bar = screen.getByRole('region', { name: 'Read aloud' });

    finishSpeaking();
    expect(lastSaid().text).toBe('It meets the Euphrates at Qurna.');
    await user.click(within(bar).getByRole('button', { name: 'Next sentence' }));
    expect(lastSaid().text).toBe('Together they reach the Gulf.');
    await user.click(within(bar).getByRole('button', { name: 'Previous sentence' }));
    expect(lastSaid().text).toBe('It meets the Euphrates at Qurna.');

    // Pausing silences the voice; resuming says the sentence again from its start.
    const before = spoken.length;
    await user.click(within(bar).getByRole('button', { name: 'Pause' }));
    expect(engine.cancel).toHaveBeenCalled();
    expect(spoken.length).toBe(before);
    await user.keyboard('l');
    expect(lastSaid().text).toBe('It meets the Euphrates at Qurna.');
    expect(spoken.length).toBe(before + 1);

    // An utterance cancelled by the next step does not move on by itself.
    const cancelled = lastSaid();
    await user.keyboard('.');
    act(() => cancelled.onend?.());
    expect(lastSaid().text).toBe('Together they reach the Gulf.');

    // Escape stops reading, and only that: the reader stays open.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Read aloud' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Rivers' })).toBeInTheDocument();
  });

  it('speed and voice are kept in the settings and take effect on the sentence being read', async () => {
    const { api, user } = await openArticle('en');
    await user.click(screen.getByRole('button', { name: 'Listen' }));
    const bar = screen.getByRole('region', { name: 'Read aloud' });
    await user.selectOptions(within(bar).getByLabelText('Speed'), '1.5');
    expect(api.setSettings).toHaveBeenCalledWith({ listenRate: 1.5 });
    await waitFor(() => expect(lastSaid().rate).toBe(1.5));
    expect(lastSaid().text).toBe('The Tigris rises in Turkey.');
  });

  it('with no voice for the article’s language it says so in one sentence and offers the voices there are; the one chosen reads, and is kept for that language', async () => {
    const { api, user } = await openArticle('ar', '<p>يلتقي النهران في القرنة. ثم يصبان في الخليج.</p>');
    await user.click(screen.getByRole('button', { name: 'Listen' }));
    const bar = screen.getByRole('region', { name: 'Read aloud' });
    expect(within(bar).getByRole('status')).toHaveTextContent('This system has no voice for Arabic; choose one of the voices it has.');
    // Not read in whichever voice the system would fall back on.
    expect(spoken).toEqual([]);
    await user.selectOptions(within(bar).getByLabelText('Voice'), 'French (France)');
    expect(api.setSettings).toHaveBeenCalledWith({ listenVoices: { ar: 'French (France)' } });
    await waitFor(() => expect(lastSaid()?.voice?.name).toBe('French (France)'));
    expect(spoken.map((utterance) => utterance.text)).toEqual(['يلتقي النهران في القرنة.']);
    // The same bar, never gone in between: focus stays on the menu the reader just used.
    expect(bar).toBeInTheDocument();
    expect(within(bar).getByRole('status')).toBeEmptyDOMElement();
  });

  it('Bookmark sentence bookmarks the sentence being heard', async () => {
    const { user } = await openArticle('en');
    await user.click(screen.getByRole('button', { name: 'Listen' }));
    finishSpeaking();
    await user.click(within(screen.getByRole('region', { name: 'Read aloud' })).getByRole('button', { name: 'Bookmark sentence' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('It meets the Euphrates at Qurna.');
  });

  it('leaving the article silences the voice', async () => {
    const { user } = await openArticle('en');
    await user.click(screen.getByRole('button', { name: 'Listen' }));
    engine.cancel.mockClear();
    await user.click(screen.getByRole('button', { name: /Back to library/ }));
    await screen.findByRole('button', { name: 'Rivers' });
    expect(engine.cancel).toHaveBeenCalled();
  });
});
