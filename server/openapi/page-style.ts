/** The API page's style: the map's colours (web/styles.css), one readable column, tables that scroll on a phone. */
export const API_PAGE_STYLE = `
:root {
  --ink: #22211f;
  --muted: #5f5b55;
  --line: #dedbd4;
  --accent: #9f1d20;
  --sea: #dbe7ef;
  --code-bg: #f5f4f1;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
  color: var(--ink);
  line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 0 16px 48px; }
a { color: var(--accent); overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 8px 0 12px; }
h2 { font-size: 1.25rem; margin: 40px 0 8px; padding-top: 12px; border-top: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 28px 0 6px; overflow-wrap: anywhere; }
h4 { font-size: 0.9rem; margin: 16px 0 6px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.top { padding-top: 12px; }
.crumb { margin: 0; font-size: 0.9rem; }
.version { font-size: 0.85rem; font-weight: normal; color: var(--muted); }
.muted { color: var(--muted); }
.note { border-left: 3px solid var(--accent); padding: 4px 10px; background: var(--code-bg); }
.summary { font-weight: 600; margin: 0 0 4px; }
code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 0.88em; background: var(--code-bg); padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
pre { position: relative; background: var(--code-bg); border: 1px solid var(--line); border-radius: 4px; padding: 10px 64px 10px 12px; overflow-x: auto; font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { background: none; padding: 0; }
pre button { position: absolute; top: 6px; right: 6px; font: inherit; font-size: 0.75rem; padding: 2px 8px; border: 1px solid var(--line); border-radius: 3px; background: #fff; color: var(--ink); cursor: pointer; }
.method { display: inline-block; min-width: 3.4em; text-align: center; font-size: 0.75rem; font-weight: 700; padding: 1px 6px; border-radius: 3px; color: #fff; background: #2f6b8a; vertical-align: 0.1em; }
.method:not(.get) { background: var(--accent); }
.toc ul { list-style: none; padding: 0; margin: 0 0 8px; }
.toc li { margin: 4px 0; }
.toc li a { text-decoration: none; }
.toc h3 { margin: 14px 0 4px; font-size: 0.95rem; }
.operation { border-top: 1px solid var(--line); padding-top: 4px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; min-width: 34rem; font-size: 0.9rem; }
td:first-child code { white-space: nowrap; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 0.8rem; color: var(--muted); font-weight: 600; }
details { margin: 8px 0; }
summary { cursor: pointer; color: var(--accent); }
footer { margin-top: 48px; padding-top: 12px; border-top: 1px solid var(--line); font-size: 0.85rem; color: var(--muted); }
@media (max-width: 600px) {
  body { padding: 0 10px 32px; }
  h1 { font-size: 1.25rem; }
  th, td { padding: 4px 6px; }
}
`;
