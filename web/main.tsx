import './zod-config.ts';
import { render } from 'preact';
import { App } from './ui/app.tsx';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no element with id "app"');

// One build serves both pages: the embeddable map at /embed (web/embed/, its own small chunk) and the
// explorer everywhere else (the server answers every page path with index.html).
if (window.location.pathname === '/embed' || window.location.pathname.startsWith('/embed/')) {
  document.documentElement.classList.add('embed-page');
  void import('./embed/embed-app.tsx').then(({ EmbedApp }) => render(<EmbedApp />, root));
} else {
  render(<App />, root);
}
