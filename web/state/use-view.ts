import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { parseView, viewToSearch, type View } from './view.ts';

export interface ViewControls {
  view: View;
  /** Goes to another view as a new history entry (back returns to this one). */
  navigate(next: View): void;
  /**
   * Changes the view in place, without a history entry: for what changes continuously, such as the
   * camera while panning, so that back still goes to the previous region rather than the last pan.
   */
  replace(next: View): void;
}

/**
 * The current view, read from the URL, and ways to change it that go through history,
 * so that reload, back and forward and shared links all show the same thing.
 */
export function useView(): ViewControls {
  const [search, setSearch] = useState(() => window.location.search);

  useEffect(() => {
    const onPop = () => setSearch(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const view = useMemo(() => parseView(search), [search]);

  const go = useCallback((next: View, how: 'push' | 'replace') => {
    const nextSearch = viewToSearch(next);
    if (nextSearch !== window.location.search) {
      const url = `${window.location.pathname}${nextSearch}`;
      if (how === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    setSearch(window.location.search);
  }, []);
  const navigate = useCallback((next: View) => go(next, 'push'), [go]);
  const replace = useCallback((next: View) => go(next, 'replace'), [go]);

  return { view, navigate, replace };
}
