import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { meetingUrl, when, type MeetingSummary } from './types.ts';
import './meetings.css';

/** The branch's meetings: upcoming first, then the history. The secretary creates the month's meeting here. */
export default function MeetingList(props: { me: Me }) {
  const manageRole = props.me.roles.find((r) =>
    ['secretary', 'deputy_secretary', 'committee_member'].includes(r.role),
  );
  const orgId = props.me.member?.orgId ?? manageRole?.orgId ?? props.me.roles[0]?.orgId;
  const canCreate = Boolean(manageRole && manageRole.orgId === orgId);
  const [state, retry] = useAsync(async () => {
    if (!orgId) return { upcoming: [], past: [] };
    const base = `/api/v1/orgs/${encodeURIComponent(orgId)}/meetings`;
    const [upcoming, past] = await Promise.all([
      api<{ items: MeetingSummary[] }>('GET', `${base}?scope=upcoming`),
      api<{ items: MeetingSummary[] }>('GET', `${base}?scope=past`),
    ]);
    return { upcoming: upcoming.items, past: past.items };
  }, [orgId]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('meeting.listTitle')}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  return (
    <Screen title={t('meeting.listTitle')}>
      <section aria-labelledby="mt-upcoming">
        <h2 id="mt-upcoming">{t('meeting.upcoming')}</h2>
        <MeetingItems items={state.value.upcoming} />
      </section>
      {canCreate && orgId && <CreateMeeting orgId={orgId} />}
      <section aria-labelledby="mt-past">
        <h2 id="mt-past">{t('meeting.past')}</h2>
        <MeetingItems items={state.value.past} />
      </section>
    </Screen>
  );
}

function MeetingItems(props: { items: MeetingSummary[] }) {
  if (props.items.length === 0) return <p>{t('meeting.none')}</p>;
  return (
    <ul class="list">
      {props.items.map((m) => {
        const w = when(m.startsAt);
        return (
          <li key={m.id}>
            <a class="list-link" href={meetingUrl(m.id)}>
              <span class="list-text">
                <span class="list-title">{m.title}</span>
                <span class="list-meta">
                  {' '}
                  {t('meeting.when', w)} · {m.place}
                </span>
              </span>
              <span class="badge">{t(`meeting.status.${m.status}`)}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function CreateMeeting(props: { orgId: string }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState('regular');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('19:30');
  const [place, setPlace] = useState('');
  const [online, setOnline] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <p>
        <button type="button" class="button button-primary" onClick={() => setOpen(true)}>
          {t('meeting.create')}
        </button>
      </p>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const startsAt = new Date(`${date}T${time}:00+07:00`).toISOString();
      const m = await api<MeetingSummary>(
        'POST',
        `/api/v1/orgs/${encodeURIComponent(props.orgId)}/meetings`,
        { kind, startsAt, place, online },
      );
      navigate(`${meetingUrl(m.id)}/prepare`);
    } catch (err) {
      setError(err instanceof RangeError ? t('error.unknown') : errorMessage(err));
    }
  };
  return (
    <form class="mt-form" onSubmit={submit}>
      <h2>{t('meeting.create')}</h2>
      <label for="mt-kind">{t('meeting.kind')}</label>
      <select id="mt-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
        {(['regular', 'themed', 'regular_and_themed'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`meeting.kind.${k}`)}
          </option>
        ))}
      </select>
      <label for="mt-date">{t('meeting.date')}</label>
      <input
        id="mt-date"
        type="date"
        required
        value={date}
        onInput={(e) => setDate((e.target as HTMLInputElement).value)}
      />
      <label for="mt-time">{t('meeting.time')}</label>
      <input
        id="mt-time"
        type="time"
        required
        value={time}
        onInput={(e) => setTime((e.target as HTMLInputElement).value)}
      />
      <label for="mt-place">{t('meeting.place')}</label>
      <input
        id="mt-place"
        required
        value={place}
        onInput={(e) => setPlace((e.target as HTMLInputElement).value)}
      />
      <label>
        <input
          type="checkbox"
          checked={online}
          onChange={(e) => setOnline((e.target as HTMLInputElement).checked)}
        />{' '}
        {t('meeting.online')}
      </label>
      <button type="submit" class="button button-primary">
        {t('meeting.createSubmit')}
      </button>
      <Alert message={error} />
    </form>
  );
}
