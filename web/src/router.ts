import { createStore } from './state/store.ts';

export { matchPath } from './match-path.ts';

export interface Location {
  path: string;
  query: URLSearchParams;
}

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

/** The current location; a history router in a few lines instead of a routing library. */
export const location = createStore<Location>(current());

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  location.set(current());
  window.scrollTo(0, 0);
}

/** Same-origin links are handled here, so ordinary <a href> elements work as in-app navigation. */
export function startRouter(): void {
  window.addEventListener('popstate', () => location.set(current()));
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    const samePage = url.pathname + url.search === window.location.pathname + window.location.search;
    // In-page anchors (the skip link) keep the browser's own jump and focus move.
    if (samePage && url.hash) return;
    event.preventDefault();
    if (!samePage) navigate(url.pathname + url.search + url.hash);
  });
}
