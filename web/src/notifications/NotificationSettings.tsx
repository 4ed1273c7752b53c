import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';
import { GuideLink } from '../guides/GuideLink.tsx';
import { deviceState, disablePush, enablePush, type DeviceState } from './push.ts';
import './notifications.css';

type Channel = 'push' | 'email' | 'zalo';
type Switches = Record<Channel, boolean>;
interface Prefs {
  channels: Switches;
  events: Record<string, Switches>;
  email: string | null;
  zaloUserId: string | null;
  quietHours: { start: string; end: string } | null;
  digest: { enabled: boolean; hour: number };
}
interface Loaded {
  preferences: Prefs;
  eventKinds: Array<{ kind: string; name: string }>;
  channels: { email: boolean; zalo: boolean };
}

const CHANNELS: Channel[] = ['push', 'email', 'zalo'];

/** Channels, event kinds, quiet hours and the daily digest, and this device's push subscription. */
export default function NotificationSettings() {
  const [state, retry] = useAsync(() => api<Loaded>('GET', '/api/v1/notifications/preferences'), []);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  return <Form loaded={state.value} />;
}

function Form(props: { loaded: Loaded }) {
  const { eventKinds, channels: available } = props.loaded;
  const [prefs, setPrefs] = useState<Prefs>(props.loaded.preferences);
  const [quiet, setQuiet] = useState(prefs.quietHours ?? { start: '21:30', end: '06:00' });
  const [device, setDevice] = useState<DeviceState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    deviceState().then(setDevice, () => setDevice('unsupported'));
  }, []);
  const enabled = (c: Channel) => c === 'push' || available[c];
  const update = (change: Partial<Prefs>) => setPrefs((p) => ({ ...p, ...change }));

  const toggleDevice = async () => {
    setError(null);
    try {
      setDevice(device === 'on' ? await disablePush() : await enablePush());
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const body = { ...prefs, quietHours: prefs.quietHours ? quiet : null };
      setPrefs(await api<Prefs>('PUT', '/api/v1/notifications/preferences', body));
      setSaved(t('notify.saved'));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen
      title={t('notify.settingsTitle')}
      before={
        <nav aria-label={t('nav.breadcrumbs')} class="crumbs">
          <ol>
            <li>
              <a href="/notifications">{t('notify.title')}</a>
            </li>
          </ol>
        </nav>
      }
    >
      <section aria-labelledby="nt-device" class="stack">
        <h2 id="nt-device">{t('notify.device')}</h2>
        {device === 'unsupported' && <p>{t('notify.deviceUnsupported')}</p>}
        {device === 'denied' && <p>{t('notify.deviceDenied')}</p>}
        {device === 'on' && <p>{t('notify.deviceEnabled')}</p>}
        {(device === 'on' || device === 'off') && (
          <p>
            <button type="button" class="button" onClick={() => void toggleDevice()}>
              {device === 'on' ? t('notify.deviceOff') : t('notify.deviceOn')}
            </button>
          </p>
        )}
      </section>
      <form class="stack" onSubmit={save}>
        <fieldset>
          <legend>{t('notify.channels')}</legend>
          {CHANNELS.map((c) => (
            <label class="check" key={c}>
              <input
                type="checkbox"
                checked={prefs.channels[c] && enabled(c)}
                disabled={!enabled(c)}
                onChange={(e) => update({ channels: { ...prefs.channels, [c]: e.currentTarget.checked } })}
              />
              <span>
                {t(`notify.channel.${c}` as MessageKey)}
                {!enabled(c) && <span class="hint"> — {t('notify.channelOff')}</span>}
              </span>
            </label>
          ))}
          {available.email && prefs.channels.email && (
            <div class="field">
              <label for="nt-email">{t('notify.email')}</label>
              <input
                id="nt-email"
                type="email"
                autocomplete="email"
                value={prefs.email ?? ''}
                onInput={(e) => update({ email: e.currentTarget.value || null })}
              />
            </div>
          )}
          {available.zalo && prefs.channels.zalo && (
            <div class="field">
              <label for="nt-zalo">{t('notify.zalo')}</label>
              <input
                id="nt-zalo"
                type="text"
                value={prefs.zaloUserId ?? ''}
                onInput={(e) => update({ zaloUserId: e.currentTarget.value || null })}
              />
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('notify.events')}</legend>
          {eventKinds.map((k) => {
            const on = CHANNELS.some((c) => prefs.events[k.kind]?.[c]);
            return (
              <label class="check" key={k.kind}>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => {
                    const v = e.currentTarget.checked;
                    update({ events: { ...prefs.events, [k.kind]: { push: v, email: v, zalo: v } } });
                  }}
                />
                <span>{k.name}</span>
              </label>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>{t('notify.quiet')}</legend>
          <label class="check">
            <input
              type="checkbox"
              checked={prefs.quietHours !== null}
              onChange={(e) => update({ quietHours: e.currentTarget.checked ? quiet : null })}
            />
            <span>{t('notify.quietOn')}</span>
          </label>
          <p class="hint">{t('notify.quietHint')}</p>
          {prefs.quietHours !== null && (
            <div class="nt-times">
              <div class="field">
                <label for="nt-from">{t('notify.quietFrom')}</label>
                <input
                  id="nt-from"
                  type="time"
                  value={quiet.start}
                  onInput={(e) => setQuiet({ ...quiet, start: e.currentTarget.value })}
                />
              </div>
              <div class="field">
                <label for="nt-to">{t('notify.quietTo')}</label>
                <input
                  id="nt-to"
                  type="time"
                  value={quiet.end}
                  onInput={(e) => setQuiet({ ...quiet, end: e.currentTarget.value })}
                />
              </div>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('notify.digest')}</legend>
          <label class="check">
            <input
              type="checkbox"
              checked={prefs.digest.enabled}
              onChange={(e) => update({ digest: { ...prefs.digest, enabled: e.currentTarget.checked } })}
            />
            <span>{t('notify.digestOn')}</span>
          </label>
          {prefs.digest.enabled && (
            <div class="field">
              <label for="nt-hour">{t('notify.digestHour')}</label>
              <select
                id="nt-hour"
                value={String(prefs.digest.hour)}
                onChange={(e) => update({ digest: { ...prefs.digest, hour: Number(e.currentTarget.value) } })}
              >
                {Array.from({ length: 24 }, (_, h) => (
                  <option key={h} value={String(h)}>
                    {`${String(h).padStart(2, '0')}:00`}
                  </option>
                ))}
              </select>
            </div>
          )}
        </fieldset>
        <Alert message={error} />
        <Alert message={saved} kind="success" />
        <p>
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('notify.save')}
          </button>
        </p>
      </form>
      <GuideLink slug="cai-dat-thong-bao" />
    </Screen>
  );
}
