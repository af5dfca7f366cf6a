import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { textOf } from '../../i18n/use-text';
import { MAX_SCALE, MIN_SCALE, type Zoom } from './zoom';

/** Marks on the zoom buttons, hidden from screen readers (the buttons are named in words). */
const ZOOM_OUT_GLYPH = '−';
const ZOOM_IN_GLYPH = '+';

interface PdfZoomBarProps {
  zoom: Zoom;
  /** the scale shown now (a fit's too) */
  scale: number;
  page: number;
  pageCount: number;
  onZoom: (action: 'in' | 'out' | 'fit-width' | 'fit-page') => void;
  onGoToPage: (page: number) => void;
}

/** Zoom out and in, fit width and fit page, and the page number (type one to go there) of the count. */
export function PdfZoomBar({ zoom, scale, page, pageCount, onZoom, onGoToPage }: PdfZoomBarProps) {
  const intl = useIntl();
  const text = textOf(intl);
  const pageFieldId = useId();
  // What is being typed into the page field; the page in view otherwise.
  const [typed, setTyped] = useState<string | null>(null);
  // The field's own value: typing the page shown now changes nothing React sees, and still goes there.
  const go = (value: string) => {
    const wanted = Number.parseInt(value, 10);
    if (Number.isInteger(wanted) && wanted >= 1 && wanted <= pageCount) onGoToPage(wanted);
    setTyped(null);
  };
  return (
    <div className="pdf-zoom-bar" role="group" aria-label={text('pdf.pagesBar')}>
      <button type="button" className="button button-icon" aria-label={text('pdf.zoomOut')} title={text('common.withKey', { label: text('pdf.zoomOut'), key: '-' })} disabled={scale <= MIN_SCALE} onClick={() => onZoom('out')}>
        <span aria-hidden="true">{ZOOM_OUT_GLYPH}</span>
      </button>
      <output className="pdf-zoom-level" aria-live="polite" aria-label={text('pdf.zoom')}>
        {intl.formatNumber(Math.round(scale * 100) / 100, { style: 'percent', maximumFractionDigits: 0 })}
      </output>
      <button type="button" className="button button-icon" aria-label={text('pdf.zoomIn')} title={text('common.withKey', { label: text('pdf.zoomIn'), key: '+' })} disabled={scale >= MAX_SCALE} onClick={() => onZoom('in')}>
        <span aria-hidden="true">{ZOOM_IN_GLYPH}</span>
      </button>
      <button type="button" className="button" aria-pressed={zoom.fit === 'width'} onClick={() => onZoom('fit-width')}>
        <FormattedMessage id="pdf.fitWidth" />
      </button>
      <button type="button" className="button" aria-pressed={zoom.fit === 'page'} onClick={() => onZoom('fit-page')}>
        <FormattedMessage id="pdf.fitPage" />
      </button>
      <span className="pdf-page-number">
        <label htmlFor={pageFieldId}>{text('pdf.pageField')}</label> <input
          id={pageFieldId}
          className="pdf-page-field"
          inputMode="numeric"
          value={typed ?? String(page)}
          aria-describedby={`${pageFieldId}-count`}
          onChange={(event) => setTyped(event.target.value)}
          onBlur={(event) => {
            if (typed !== null) go(event.currentTarget.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') go(event.currentTarget.value);
          }}
        /> <span id={`${pageFieldId}-count`}>{text('pdf.pageCount', { count: pageCount })}</span>
      </span>
    </div>
  );
}
