import { render } from 'preact';
import { App } from './App.tsx';
import { ApiError } from './api/client.ts';
import { session, loadSession } from './state/session.ts';
import { applyPreferences, loadStoredPreferences } from './state/preferences.ts';
import { startRouter } from './router.ts';
import './styles.css';

// Apply the remembered text size and contrast before the first paint.
applyPreferences(loadStoredPreferences());
startRouter();
render(<App />, document.getElementById('app') as HTMLElement);

function boot(): void {
  loadSession().catch((error: unknown) => {
    // Offline or server down: retry when the network comes back instead of showing a sign-in form that
    // cannot work.
    if (error instanceof ApiError && error.status === 0)
      window.addEventListener('online', boot, { once: true });
    session.set({ status: 'anonymous' });
  });
}
boot();
