import { useId, useState } from 'react';
import { MAX_SCALE, MIN_SCALE, type Zoom } from './zoom';

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
    <div className="pdf-zoom-bar" role="group" aria-label="Pages">
      <button type="button" className="button button-icon" aria-label="Zoom out" title="Zoom out (-)" disabled={scale <= MIN_SCALE} onClick={() => onZoom('out')}>
        <span aria-hidden="true">−</span>
      </button>
      <output className="pdf-zoom-level" aria-live="polite" aria-label="Zoom">
        {Math.round(scale * 100)}%
      </output>
      <button type="button" className="button button-icon" aria-label="Zoom in" title="Zoom in (+)" disabled={scale >= MAX_SCALE} onClick={() => onZoom('in')}>
        <span aria-hidden="true">+</span>
      </button>
      <button type="button" className="button" aria-pressed={zoom.fit === 'width'} onClick={() => onZoom('fit-width')}>
        Fit width
      </button>
      <button type="button" className="button" aria-pressed={zoom.fit === 'page'} onClick={() => onZoom('fit-page')}>
        Fit page
      </button>
      <span className="pdf-page-number">
        <label htmlFor={pageFieldId}>Page</label>{' '}
        <input
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
        />{' '}
        <span id={`${pageFieldId}-count`}>of {pageCount}</span>
      </span>
    </div>
  );
}
