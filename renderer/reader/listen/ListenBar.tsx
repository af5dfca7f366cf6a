/**
 * Read aloud's controls, shown while the article is being read (or after Listen, when there is
 * something to say, such as no voice for the article's language): previous and next sentence,
 * pause and resume, stop, bookmark the sentence being heard, speed and voice. Keys: L plays and
 * pauses, comma and full stop go back and forward a sentence, Escape stops.
 */
import { FormattedMessage } from 'react-intl';
import { useText } from '../../i18n/use-text';
import { useEffect, useId, useRef } from 'react';
import type { TextSpan } from '../../../electron/shared/models';
import { isTyping } from '../use-reader-shortcuts';
import type { Listen } from './use-listen';
import { primaryLanguage } from './voices';
import { languageName } from '../../library/article-format';
import { useIntl, type IntlShape } from 'react-intl';

const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/**
 * A voice's language as the menu names it. Some voices carry tags that are not valid language
 * codes (espeak-ng's Klingon is `piqd`): those are shown as they are, since asking for their name
 * would log an error for each of the voice's variants on every render.
 */
function voiceLanguageName(voice: SpeechSynthesisVoice, intl: IntlShape): string {
  const code = primaryLanguage(voice.lang);
  try {
    Intl.getCanonicalLocales(code);
  } catch {
    return code;
  }
  return languageName(code, intl);
}

export function ListenBar({ listen, onBookmarkSentence }: { listen: Listen; onBookmarkSentence: (span: TextSpan) => void }) {
  const speedId = useId();
  const voiceId = useId();
  const text = useText();
  const intl = useIntl();
  const playing = listen.status === 'playing';
  return (
    <section className="listen-bar" aria-label={text('listen.label')}>
      <button
        type="button"
        className="button"
        aria-label={text('listen.previousSentence')}
        aria-keyshortcuts=","
        title={text('common.withKey', { label: text('listen.previousSentence'), key: ',' })}
        onClick={listen.previous}
      >
        <FormattedMessage id="common.previous" />
      </button>
      <button
        type="button"
        className="button"
        aria-keyshortcuts="L"
        title={text('common.withKey', { label: text(playing ? 'listen.pause' : 'listen.resume'), key: 'L' })}
        onClick={listen.toggle}
      >
        {text(playing ? 'listen.pause' : 'listen.resume')}
      </button>
      <button
        type="button"
        className="button"
        aria-label={text('listen.nextSentence')}
        aria-keyshortcuts="."
        title={text('common.withKey', { label: text('listen.nextSentence'), key: '.' })}
        onClick={listen.next}
      >
        <FormattedMessage id="common.next" />
      </button>
      <button type="button" className="button" aria-keyshortcuts="Escape" title={text('listen.stop.title')} onClick={listen.stop}>
        <FormattedMessage id="listen.stop" />
      </button>
      <button type="button" className="button" disabled={!listen.current} onClick={() => listen.current && onBookmarkSentence(listen.current)}>
        <FormattedMessage id="listen.bookmarkSentence" />
      </button>
      <span className="reader-setting">
        <label htmlFor={speedId} className="select-label">
          <FormattedMessage id="listen.speed" />
        </label>
        <select id={speedId} value={listen.rate} onChange={(event) => listen.setRate(Number(event.target.value))}>
          {RATES.map((rate) => (
            <option key={rate} value={rate}>
              {text('listen.rate', { rate })}
            </option>
          ))}
        </select>
      </span>
      <span className="reader-setting">
        <label htmlFor={voiceId} className="select-label">
          <FormattedMessage id="listen.voice" />
        </label>
        <select id={voiceId} value={listen.voice?.name ?? ''} onChange={(event) => listen.setVoice(event.target.value)}>
          {!listen.voice && <option value="">{text('listen.noVoice')}</option>}
          {listen.choices.map((voice) => (
            <option key={voice.voiceURI} value={voice.name}>
              {text('listen.voiceOption', { voice: voice.name, language: voiceLanguageName(voice, intl) })}
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
