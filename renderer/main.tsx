/** Renderer entry (bundled to app.js; the imported CSS becomes app.css). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/jobs.css';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html 缺少 #root 元素');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
