import { useEffect, useState } from 'preact/hooks';
import { fetchJson, regionSchema, regionUrl, type Region } from '../api/client.ts';

/**
 * The regions among `kodes` that have no polygon (`has_geometry` false), so that the page can say so
 * instead of leaving them silently off the map. Only worth asking for desa, the one level that has
 * such regions (361 of them); the region API answers one code at a time.
 *
 * Null while loading or when nothing is asked; a failed look-up is reported as an error message.
 */
export function useMissingBoundaries(kodes: readonly string[] | null): { regions: Region[] | null; error: string | null } {
  const key = kodes === null ? null : [...kodes].sort().join(',');
  const [state, setState] = useState<{ key: string | null; regions: Region[] | null; error: string | null }>({
    key: null,
    regions: null,
    error: null,
  });

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const codes = key === '' ? [] : key.split(',');
    Promise.all(codes.map((kode) => fetchJson(regionUrl(kode), regionSchema, controller.signal))).then(
      (regions) => {
        if (!controller.signal.aborted) setState({ key, regions: regions.filter((r) => !r.has_geometry), error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ key, regions: null, error: error instanceof Error ? error.message : String(error) });
        }
      },
    );
    return () => controller.abort();
  }, [key]);

  // A result for other codes is never shown.
  return state.key === key && key !== null ? { regions: state.regions, error: state.error } : { regions: null, error: null };
}
