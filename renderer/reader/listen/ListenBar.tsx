/**
 * Read aloud's controls, shown while the article is being read (or after Listen, when there is
 * something to say, such as no voice for the article's language): previous and next sentence,
 * pause and resume, stop, bookmark the sentence being heard, speed and voice. Keys: L plays and
 * pauses, comma and full stop go back and forward a sentence, Escape stops.
 */
import { useEffect, useId, useRef } from 'react';
import type { TextSpan } from '../../../electron/shared/models';
import { isTyping } from '../use-reader-shortcuts';
import type { Listen } from './use-listen';
import { languageName } from './voices';

const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export function ListenBar({ listen, onBookmarkSentence }: { listen: Listen; onBookmarkSentence: (span: TextSpan) => void }) {
  const speedId = useId();
  const voiceId = useId();
  const playing = listen.status === 'playing';
  return (
    <section className="listen-bar" aria-label="Read aloud">
      <button type="button" className="button" aria-label="Previous sentence" aria-keyshortcuts="," title="Previous sentence (,)" onClick={listen.previous}>
        Previous
      </button>
      <button type="button" className="button" aria-keyshortcuts="L" title={`${playing ? 'Pause' : 'Resume'} (L)`} onClick={listen.toggle}>
        {playing ? 'Pause' : 'Resume'}
      </button>
      <button type="button" className="button" aria-label="Next sentence" aria-keyshortcuts="." title="Next sentence (.)" onClick={listen.next}>
        Next
      </button>
      <button type="button" className="button" aria-keyshortcuts="Escape" title="Stop (Escape)" onClick={listen.stop}>
        Stop
      </button>
      <button type="button" className="button" disabled={!listen.current} onClick={() => listen.current && onBookmarkSentence(listen.current)}>
        Bookmark sentence
      </button>
      <span className="reader-setting">
        <label htmlFor={speedId} className="select-label">
          Speed
        </label>
        <select id={speedId} value={listen.rate} onChange={(event) => listen.setRate(Number(event.target.value))}>
          {RATES.map((rate) => (
            <option key={rate} value={rate}>
              {rate}×
            </option>
          ))}
        </select>
      </span>
      <span className="reader-setting">
        <label htmlFor={voiceId} className="select-label">
          Voice
        </label>
        <select id={voiceId} value={listen.voice?.name ?? ''} onChange={(event) => listen.setVoice(event.target.value)}>
          {!listen.voice && <option value="">No voice chosen</option>}
          {listen.voices.map((voice) => (
            <option key={voice.voiceURI} value={voice.name}>
              {voice.name} ({languageName(voice.lang)})
            </option>
          ))}
        </select>
      </span>
      <p role="status" className="listen-problem">
        {listen.problem ?? ''}
      </p>
    </section>
  );
}

/** L, comma, full stop and Escape while the reader is open (not while typing). */
export function useListenKeys(listen: Listen): void {
  const latest = useRef(listen);
  useEffect(() => {
    latest.current = listen;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const now = latest.current;
      if (!now.available) return;
      if (event.key === 'l' || event.key === 'L') now.toggle();
      else if (now.status === 'idle') return;
      else if (event.key === ',') now.previous();
      else if (event.key === '.') now.next();
      else if (event.key === 'Escape') now.stop();
      else return;
      event.preventDefault();
    };
    // Capture: before the reader's own Escape (back to the library) sees it.
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
