/**
 * Read aloud: speaks the article one sentence at a time with the system's voices, highlights the
 * sentence being spoken (CSS Custom Highlight API: the article's DOM is not touched) and keeps it
 * in view. Pausing stops the voice and resuming starts the sentence again: pause()/resume() of the
 * Web Speech API are unreliable on several systems (Chromium on Linux among them), a sentence
 * repeated is not. Leaving the article stops it.
 */
import { useIntl } from 'react-intl';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { TextSpan } from '../../../electron/shared/models';
import { useSettings } from '../../app/settings-context';
import { canPaintHighlights, scrollRangeIntoView } from '../find/find-highlights';
import { measureReadingProgress } from '../reading-position';
import { offsetsToRange } from '../text-offsets';
import { sentenceAt, spokenSentences } from './sentences';
import { chooseVoice, primaryLanguage, speechEngine, useVoices, voiceChoices, voicesFor } from './voices';
import { languageName } from '../../library/article-format';

export const LISTEN_HIGHLIGHT = 'quire-listen';

export type ListenStatus = 'idle' | 'playing' | 'paused';

interface ListenOptions {
  text: string;
  /** the article's language; the interface's when it has none */
  lang: string | null;
  container: RefObject<HTMLElement | null>;
  scroller: RefObject<HTMLElement | null>;
  /** where the person selected text, if they did: reading starts there */
  selectionStart: () => number | null;
}

function paintSentence(container: HTMLElement | null, scroller: HTMLElement | null, span: TextSpan | null): void {
  if (!canPaintHighlights()) return;
  if (!span || !container) {
    CSS.highlights.delete(LISTEN_HIGHLIGHT);
    return;
  }
  const range = offsetsToRange(container, span);
  if (!range) return;
  CSS.highlights.set(LISTEN_HIGHLIGHT, new Highlight(range));
  if (scroller) scrollRangeIntoView(scroller, range);
}

/** A value made the first time it is asked for, then kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

export function useListen({ text, lang, container, scroller, selectionStart }: ListenOptions) {
  const engine = useMemo(() => speechEngine(), []);
  const voices = useVoices(engine);
  const { settings, updateSettings } = useSettings();
  const languageTag = lang ?? navigator.language ?? 'en';
  const language = primaryLanguage(languageTag);
  // Cut into sentences when reading starts, not when the reader opens: a long book's text takes
  // longer than a frame to cut (about 120 ms for a million words).
  const sentences = useMemo(() => once(() => spokenSentences(text, lang)), [text, lang]);
  const voice = chooseVoice(voices, languageTag, settings.listenVoices[language]);
  const choices = useMemo(() => voiceChoices(voices, languageTag, voice), [voices, languageTag, voice]);
  /** The system has voices, none for this language, and the reader has not picked one for it yet. */
  const noVoice = engine !== null && voices.length > 0 && voicesFor(voices, language).length === 0 && !settings.listenVoices[language];
  /** Listen was pressed while there was no voice: reading starts once the reader picks one. */
  const [awaitingVoice, setAwaitingVoice] = useState(false);
  const [status, setStatus] = useState<ListenStatus>('idle');
  const [index, setIndex] = useState(0);
  /** the speech engine's error code when the voice stopped on one */
  const [problem, setProblem] = useState<string | null>(null);
  const intl = useIntl();
  /** bumped on every start and stop, so that the end of a cancelled utterance is ignored */
  const turn = useRef(0);
  const latest = useRef({ voice, rate: settings.listenRate, sentences });
  useEffect(() => {
    latest.current = { voice, rate: settings.listenRate, sentences };
  });
  /** `speak` itself, for the end of an utterance to go on to the next sentence */
  const speakNext = useRef<(at: number) => void>(() => {});

  const speak = useCallback(
    (at: number) => {
      if (!engine) return;
      const { sentences: all, voice: chosen, rate } = latest.current;
      const span = all()[at];
      const myTurn = ++turn.current;
      engine.cancel();
      if (!span) {
        setStatus('idle');
        paintSentence(container.current, scroller.current, null);
        return;
      }
      setIndex(at);
      setStatus('playing');
      paintSentence(container.current, scroller.current, span);
      const utterance = new SpeechSynthesisUtterance(text.slice(span.start, span.end));
      utterance.lang = lang ?? language;
      if (chosen) utterance.voice = chosen;
      utterance.rate = rate;
      utterance.onend = () => {
        if (turn.current === myTurn) speakNext.current(at + 1);
      };
      utterance.onerror = (event) => {
        if (turn.current !== myTurn || event.error === 'interrupted' || event.error === 'canceled') return;
        turn.current++;
        setStatus('idle');
        setProblem(event.error);
      };
      engine.speak(utterance);
    },
    [engine, text, lang, language, container, scroller],
  );

  useEffect(() => {
    speakNext.current = speak;
  }, [speak]);

  const stopSpeaking = useCallback(() => {
    turn.current++;
    engine?.cancel();
  }, [engine]);

  /** Reads from the selection if there is one, else from the top of the view. */
  const readFromHere = useCallback(() => {
    setProblem(null);
    setAwaitingVoice(false);
    const selected = selectionStart();
    const top = scroller.current && container.current ? measureReadingProgress(scroller.current, container.current).position : 0;
    speak(sentenceAt(sentences(), selected ?? top));
  }, [selectionStart, scroller, container, speak, sentences]);

  const start = useCallback(() => {
    // Not in whatever voice the system falls back on (the first it lists: Afrikaans, on Linux):
    // the bar says there is none and reading starts once the reader picks one (setVoice).
    if (noVoice) setAwaitingVoice(true);
    else readFromHere();
  }, [noVoice, readFromHere]);

  const pause = useCallback(() => {
    stopSpeaking();
    setStatus('paused');
  }, [stopSpeaking]);

  const stop = useCallback(() => {
    setAwaitingVoice(false);
    stopSpeaking();
    setStatus('idle');
    paintSentence(container.current, scroller.current, null);
  }, [stopSpeaking, container, scroller]);

  const toggle = useCallback(() => {
    if (status === 'playing') pause();
    else if (status === 'paused') speak(index);
    else start();
  }, [status, pause, speak, index, start]);

  const step = useCallback(
    (by: number) => {
      const next = Math.max(0, Math.min(sentences().length - 1, index + by));
      if (status === 'playing') speak(next);
      else {
        setIndex(next);
        if (status === 'paused') paintSentence(container.current, scroller.current, sentences()[next] ?? null);
      }
    },
    [sentences, index, status, speak, container, scroller],
  );

  // A new voice or speed takes effect from the sentence being spoken, once the settings have it.
  const voiceAndRate = `${voice?.name ?? ''}|${settings.listenRate}`;
  const spokenWith = useRef(voiceAndRate);
  const setVoice = (name: string) => {
    updateSettings({ listenVoices: { ...settings.listenVoices, [language]: name } });
    if (!awaitingVoice) return;
    // Listen was pressed before there was a voice: read now, in this one (the effect below would
    // otherwise start the sentence a second time when the settings bring the new voice).
    latest.current = { ...latest.current, voice: voices.find((candidate) => candidate.name === name) ?? null };
    spokenWith.current = `${name}|${settings.listenRate}`;
    readFromHere();
  };
  const setRate = (rate: number) => updateSettings({ listenRate: rate });
  useEffect(() => {
    if (spokenWith.current === voiceAndRate) return;
    spokenWith.current = voiceAndRate;
    if (status === 'playing') speak(index);
  }, [voiceAndRate, status, index, speak]);

  // Leaving the article (or its text changing) ends the reading.
  useEffect(
    () => () => {
      turn.current++;
      engine?.cancel();
      if (canPaintHighlights()) CSS.highlights.delete(LISTEN_HIGHLIGHT);
    },
    [engine, text],
  );

  const missingVoice = noVoice ? intl.formatMessage({ id: 'listen.missingVoice' }, { language: languageName(language, intl) }) : null;

  return {
    available: engine !== null,
    status,
    /** Listen was pressed with no voice for the language: the bar stays to offer the voices there are */
    awaitingVoice,
    current: status === 'idle' ? null : (sentences()[index] ?? null),
    /** what the voice menu offers */
    choices,
    voice,
    rate: settings.listenRate,
    problem: problem !== null ? intl.formatMessage({ id: 'listen.voiceStopped' }, { error: problem }) : missingVoice,
    toggle,
    stop,
    previous: () => step(-1),
    next: () => step(1),
    setVoice,
    setRate,
  };
}

export type Listen = ReturnType<typeof useListen>;
