import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import { getToken } from './api/client';
import { applyTheme, DEFAULT_THEME_ID, rememberedThemeId } from './theme';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Paint the first frame with the right theme: the agency's after a reload of a
// signed-in tab, the default one otherwise.
const initialTheme = (getToken() && rememberedThemeId()) || DEFAULT_THEME_ID;

void applyTheme(initialTheme).finally(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
