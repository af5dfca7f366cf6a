/**
 * Browser mode: nothing the page shows may move its tab away from Quire. Article and note links
 * open in a new tab (external-links.ts); this catches whatever would slip past that: a
 * `<meta http-equiv="refresh">` in stored article HTML, a link `click` handling missed, a script.
 * A tab moved to another port of 127.0.0.1 would hand that program the user's attention and
 * whatever it asks for next. The Navigation API lets a page cancel the navigations it starts
 * itself; the user's own (the address bar, the back button) are not cancelable and stay free.
 */
export function blockNavigationAway(win: Window = window): () => void {
  // Absent in browsers without the Navigation API: the CSP (`form-action`, `base-uri`) and the
  // sanitizer are the guards there.
  const navigation = (win as Partial<Pick<Window, 'navigation'>>).navigation;
  if (!navigation) return () => {};
  const onNavigate = (event: NavigateEvent): void => {
    if (!event.cancelable || event.downloadRequest !== null) return;
    let origin: string;
    try {
      origin = new URL(event.destination.url).origin;
    } catch {
      origin = 'null';
    }
    if (origin !== win.location.origin) event.preventDefault();
  };
  navigation.addEventListener('navigate', onNavigate);
  return () => navigation.removeEventListener('navigate', onNavigate);
}
