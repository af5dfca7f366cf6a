import { memo, useEffect, useRef } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useText } from '../../i18n/use-text';
import { loadPdfJs } from './load-pdfjs';
import { type PageTextLayer, pageTextLayer } from './pdf-text-layer';

/** A canvas larger than this many pixels is drawn at a lower resolution (memory at high zoom). */
const MAX_CANVAS_PIXELS = 16_000_000;

interface PdfPageProps {
  pdf: PDFDocumentProxy;
  page: number;
  scale: number;
  /** the page's size at scale 1, known or guessed from the first page */
  size: { width: number; height: number };
  /** near the view: drawn; else an empty box of the right size */
  near: boolean;
  onSize: (page: number, size: { width: number; height: number }) => void;
  onTextLayer: (page: number, layer: PageTextLayer | null) => void;
  pageRef: (page: number, element: HTMLDivElement | null) => void;
}

/**
 * One page: a box of its size, and while it is near the view its canvas and, above it, pdf.js's
 * text layer (transparent spans where the words are, so text can be selected, searched and
 * highlighted). A page far from the view keeps only its box. Memoised: a long PDF has hundreds of
 * pages, and scrolling changes the props of a few.
 */
export const PdfPage = memo(function PdfPage({ pdf, page, scale, size, near, onSize, onTextLayer, pageRef }: PdfPageProps) {
  const text = useText();
  const canvasHolder = useRef<HTMLDivElement>(null);
  const layerHolder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    let stop = (): void => {};
    void (async () => {
      const [pdfjs, proxy] = await Promise.all([loadPdfJs(), pdf.getPage(page)]);
      if (cancelled) return;
      const natural = proxy.getViewport({ scale: 1 });
      if (Math.abs(natural.width - size.width) > 0.5 || Math.abs(natural.height - size.height) > 0.5) {
        onSize(page, { width: natural.width, height: natural.height });
      }
      const viewport = proxy.getViewport({ scale });
      const ratio = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height)));
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.setAttribute('aria-hidden', 'true');
      const render = proxy.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      const layerDiv = document.createElement('div');
      layerDiv.className = 'textLayer';
      const textLayer = new pdfjs.TextLayer({ textContentSource: proxy.streamTextContent(), container: layerDiv, viewport });
      stop = () => {
        render.cancel();
        textLayer.cancel();
      };
      await render.promise;
      if (cancelled) return;
      // The new drawing replaces the old one only when it is done: zooming never flashes a blank page.
      canvasHolder.current?.replaceChildren(canvas);
      await textLayer.render();
      if (cancelled) return;
      layerHolder.current?.replaceChildren(layerDiv);
      onTextLayer(page, pageTextLayer(page, textLayer.textDivs));
    })().catch((error: unknown) => {
      // A cancelled drawing (the page scrolled away, the zoom changed) is no failure.
      if (!(error instanceof Error && error.name === 'RenderingCancelledException') && !cancelled) {
        canvasHolder.current?.replaceChildren();
        if (layerHolder.current) layerHolder.current.textContent = '';
      }
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [pdf, page, scale, near, size.width, size.height, onSize, onTextLayer]);

  // Far from the view: give the canvas's memory back.
  useEffect(() => {
    if (near) return;
    canvasHolder.current?.replaceChildren();
    layerHolder.current?.replaceChildren();
    onTextLayer(page, null);
  }, [near, page, onTextLayer]);

  return (
    <div
      ref={(element) => pageRef(page, element)}
      className="pdf-page"
      data-page={page}
      role="group"
      aria-label={text('pdf.page', { page })}
      style={{ width: `${size.width * scale}px`, height: `${size.height * scale}px`, ['--total-scale-factor' as string]: scale }}
    >
      <div ref={canvasHolder} className="pdf-page-canvas" />
      <div ref={layerHolder} className="pdf-page-text" />
    </div>
  );
});
