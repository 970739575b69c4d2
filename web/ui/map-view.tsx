import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { createMap, type MapHandle, type MapOptions, type MapState } from '../map/create-map.ts';

/** Mounts the map adapter once and hands it every new state; the component never touches MapLibre. */
export function MapView(props: {
  state: MapState;
  onHover: MapOptions['onHover'];
  onSelect: MapOptions['onSelect'];
  onCamera: MapOptions['onCamera'];
  onLevelZoom: MapOptions['onLevelZoom'];
  /** False for a still map (MapOptions); read once, when the map is made. */
  interactive?: boolean;
  /** Given the adapter while the map exists, for exports (web/ui/export-menu.tsx). */
  handleRef?: { current: MapHandle | null };
}) {
  const container = useRef<HTMLDivElement>(null);
  const handle = useRef<MapHandle | null>(null);
  // The adapter is made once; it calls the latest callbacks through this ref.
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    if (!container.current) return;
    const map = createMap(container.current, {
      onHover: (hit) => callbacks.current.onHover(hit),
      onSelect: (hit) => callbacks.current.onSelect(hit),
      onCamera: (camera) => callbacks.current.onCamera(camera),
      onLevelZoom: (region, camera) => callbacks.current.onLevelZoom(region, camera),
      interactive: callbacks.current.interactive ?? true,
    });
    handle.current = map;
    if (callbacks.current.handleRef) callbacks.current.handleRef.current = map;
    map.update(callbacks.current.state);
    return () => {
      handle.current = null;
      if (callbacks.current.handleRef) callbacks.current.handleRef.current = null;
      map.dispose();
    };
  }, []);

  // Before the browser paints, not after (useEffect would wait a frame): the map asks for its own
  // frame at once, and a change reaches the screen one frame sooner.
  useLayoutEffect(() => {
    handle.current?.update(props.state);
  }, [props.state]);

  return <div ref={container} class="map" data-map-state="loading" />;
}
