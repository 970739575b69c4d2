import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';

/**
 * A titled part of the panel that can be folded away: a heading holding a button with
 * `aria-expanded` (the WAI-ARIA disclosure pattern), so keyboard and screen readers work as for any
 * button, and the heading still shows up in a screen reader's list of headings. On a phone the long
 * parts start folded (see `startsOpen`).
 */
export function Collapsible(props: {
  title: ComponentChildren;
  /** A short line after the title, e.g. "7 dari 8 aksi selesai". */
  summary?: ComponentChildren;
  level?: 2 | 3;
  open?: boolean;
  class?: string;
  children: ComponentChildren;
}) {
  const [open, setOpen] = useState(props.open ?? true);
  const id = useId();
  const Heading = props.level === 3 ? 'h3' : 'h2';
  return (
    <section class={`collapsible ${props.class ?? ''}`}>
      <Heading class="collapsible-heading">
        <button type="button" class="collapsible-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          <span class="collapsible-marker" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span class="collapsible-title">{props.title}</span>
          {props.summary && <span class="collapsible-summary">{props.summary}</span>}
        </button>
      </Heading>
      <div id={id} class="collapsible-body" hidden={!open}>
        {props.children}
      </div>
    </section>
  );
}

/** Whether a long part of the panel starts open: folded on a phone, where the panel shares the screen with the map. */
export function startsOpen(): boolean {
  return typeof window === 'undefined' || !window.matchMedia('(max-width: 640px)').matches;
}
