import './zod-config.ts';
import { render } from 'preact';
import { App } from './ui/app.tsx';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no element with id "app"');
render(<App />, root);
