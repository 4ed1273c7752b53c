import { render } from 'preact';
import { App } from './App.tsx';
import { startSession } from './state/session.ts';
import { applyPreferences, loadStoredPreferences } from './state/preferences.ts';
import { startRouter } from './router.ts';
import './styles.css';

// Apply the remembered text size and contrast before the first paint.
applyPreferences(loadStoredPreferences());
startRouter();
render(<App />, document.getElementById('app') as HTMLElement);

startSession();
