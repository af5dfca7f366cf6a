import { useIntl } from 'react-intl';
import { DOCUMENT_KINDS } from '../../electron/shared/document-formats';

/** Shown while files are dragged over the window. Purely visual: the drop works anywhere. */
export function DropOverlay() {
  const intl = useIntl();
  // "EPUB, PDF, HTML, Markdown and text": names people know, joined as the language joins a list.
  const kinds = intl.formatList(DOCUMENT_KINDS.map((kind) => (kind.format === 'txt' ? intl.formatMessage({ id: 'drop.text' }) : kind.name)));
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <p className="drop-overlay-title">{intl.formatMessage({ id: 'drop.title' })}</p>
        <p className="drop-overlay-hint">{intl.formatMessage({ id: 'drop.kinds' }, { kinds })}</p>
      </div>
    </div>
  );
}
