/**
 * Pictures wrapped in SVG (`<svg viewBox><image href>`: cover pages, and the commonest page of a
 * fixed-layout book) become `<img>`s, since the sanitizer keeps no SVG. The SVG's `<title>` is the
 * picture's alt text.
 */
const XLINK = 'http://www.w3.org/1999/xlink';

/** Replaces each such SVG in `container`, giving the `<img>` `className` when given; whether there was one. */
export function svgPicturesToImg(container: Element, className?: string): boolean {
  let found = false;
  for (const svg of Array.from(container.querySelectorAll('svg'))) {
    const image = svg.querySelector('image');
    const href = image?.getAttribute('href') ?? image?.getAttributeNS(XLINK, 'href');
    if (!href) continue;
    const img = container.ownerDocument.createElement('img');
    img.setAttribute('src', href);
    img.setAttribute('alt', svg.querySelector('title')?.textContent?.trim() ?? '');
    if (className !== undefined) img.setAttribute('class', className);
    svg.replaceWith(img);
    found = true;
  }
  return found;
}
