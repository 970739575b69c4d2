// polylabel 2 ships no types. https://github.com/mapbox/polylabel
declare module 'polylabel' {
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): number[] & { distance: number };
}
