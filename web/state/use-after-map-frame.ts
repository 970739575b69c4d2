import { useEffect, useState } from 'preact/hooks';

/**
 * `value`, one map frame late. The side panel's figures (legend with histogram, ranking table) take
 * longer to render for thousands of regions than the map takes to recolour them, so after a change
 * the map gets the first frame and these follow in the task after it. A newer value replaces one
 * still pending. The timeout covers a hidden tab, where animation frames do not come.
 */
export function useAfterMapFrame<T>(value: T): T {
  const [late, setLate] = useState<{ value: T }>({ value });
  useEffect(() => {
    if (late.value === value) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const catchUp = () => setLate({ value });
    const frame = requestAnimationFrame(() => {
      clearTimeout(fallback);
      timer = setTimeout(catchUp, 0);
    });
    const fallback = setTimeout(() => {
      cancelAnimationFrame(frame);
      catchUp();
    }, 250);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value]);
  return late.value;
}
