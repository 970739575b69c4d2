import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { parseView, viewToSearch, type View } from './view.ts';

/**
 * The current view, read from the URL, and a way to change it that goes through history,
 * so that reload, back and forward and shared links all show the same thing.
 */
export function useView(): { view: View; navigate: (next: View) => void } {
  const [search, setSearch] = useState(() => window.location.search);

  useEffect(() => {
    const onPop = () => setSearch(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const view = useMemo(() => parseView(search), [search]);

  const navigate = useCallback((next: View) => {
    const nextSearch = viewToSearch(next);
    if (nextSearch !== window.location.search) {
      window.history.pushState(null, '', `${window.location.pathname}${nextSearch}`);
    }
    setSearch(window.location.search);
  }, []);

  return { view, navigate };
}
