import { useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { formatDate, t } from '../i18n/i18n.ts';

/** Copies text, with the old selection-based way for browsers without the clipboard API (or without HTTPS). */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!input) return false;
    input.select();
    return document.execCommand('copy');
  }
}

/**
 * The private iCalendar link: made on request and shown once (only its hash is kept), copied with one button,
 * with step-by-step instructions for Android and iPhone. Making a new link ends the old one.
 */
export function FeedLink(props: { hasFeed: boolean; createdAt: string | null }) {
  const [hasFeed, setHasFeed] = useState(props.hasFeed);
  const [createdAt, setCreatedAt] = useState(props.createdAt);
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const make = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const { path } = await api<{ path: string }>('POST', '/api/v1/calendar/feed');
      setUrl(`${location.origin}${path}`);
      setHasFeed(true);
      setCreatedAt(new Date().toISOString());
      setConfirming(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const stop = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('DELETE', '/api/v1/calendar/feed');
      setUrl(null);
      setHasFeed(false);
      setConfirming(false);
      setMessage(t('calendar.feedStopped'));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!url) return;
    const ok = await copyText(url, input.current);
    setMessage(ok ? t('calendar.copied') : null);
    setError(ok ? null : t('calendar.copyFailed'));
  };

  return (
    <section aria-labelledby="cal-feed" class="cal-feed">
      <h2 id="cal-feed">{t('calendar.feedTitle')}</h2>
      <p>{t('calendar.feedLead')}</p>
      <p>
        <strong>{t('calendar.feedPrivate')}</strong>
      </p>
      {url && (
        <div class="stack">
          <div class="field">
            <label for="cal-url">{t('calendar.feedUrl')}</label>
            <input
              ref={input}
              id="cal-url"
              type="text"
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <div class="actions">
            <button type="button" class="button button-primary" onClick={copy}>
              {t('calendar.copy')}
            </button>
            <a class="button" href={url.replace(/^https?:/, 'webcal:')}>
              {t('calendar.openInApp')}
            </a>
          </div>
        </div>
      )}
      {!url && hasFeed && <p>{t('calendar.feedExisting', { date: formatDate(createdAt ?? '') })}</p>}
      <Alert message={error} />
      <Alert message={message} kind="success" />
      {!url && !hasFeed && (
        <div class="actions">
          <button type="button" class="button button-primary" disabled={busy} onClick={make}>
            {t('calendar.feedCreate')}
          </button>
        </div>
      )}
      {hasFeed && !confirming && (
        <div class="actions">
          <button type="button" class="button" disabled={busy} onClick={() => setConfirming(true)}>
            {t('calendar.feedReset')}
          </button>
          <button type="button" class="button button-danger" disabled={busy} onClick={stop}>
            {t('calendar.feedStop')}
          </button>
        </div>
      )}
      {confirming && (
        <div class="cal-confirm" role="group" aria-labelledby="cal-reset-warn">
          <p id="cal-reset-warn">{t('calendar.feedResetWarn')}</p>
          <div class="actions">
            <button type="button" class="button button-primary" disabled={busy} onClick={make}>
              {t('calendar.feedResetConfirm')}
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              {t('calendar.cancel')}
            </button>
          </div>
        </div>
      )}
      <details class="cal-help">
        <summary>{t('calendar.android')}</summary>
        <ol>
          <li>{t('calendar.android1')}</li>
          <li>{t('calendar.android2')}</li>
          <li>{t('calendar.android3')}</li>
          <li>{t('calendar.android4')}</li>
          <li>{t('calendar.android5')}</li>
        </ol>
      </details>
      <details class="cal-help">
        <summary>{t('calendar.iphone')}</summary>
        <ol>
          <li>{t('calendar.iphone1')}</li>
          <li>{t('calendar.iphone2')}</li>
          <li>{t('calendar.iphone3')}</li>
          <li>{t('calendar.iphone4')}</li>
        </ol>
      </details>
      <p class="muted">{t('calendar.updating')}</p>
    </section>
  );
}
