import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { locale, t } from '../i18n/i18n.ts';
import { useStore } from '../state/store.ts';
import { FeedLink } from './FeedLink.tsx';
import {
  RANGES,
  dayHeading,
  groupByDay,
  kindLabel,
  shortTitle,
  timeOf,
  todayInVietnam,
  type CalendarItem,
  type MyCalendar,
  type Range,
} from './types.ts';
import './calendar.css';

function Entry(props: { item: CalendarItem }) {
  const { item } = props;
  const time = timeOf(item.at);
  return (
    <li>
      <a class="list-link cal-entry" href={item.url}>
        <span class="list-text">
          <span class={`badge cal-kind cal-${item.kind}`}>{kindLabel(item.kind)}</span>
          <span class="list-title">{shortTitle(item)}</span>
          {(time || item.place) && (
            <span class="list-meta">
              {[time && t('calendar.at', { time }), item.place].filter(Boolean).join(' · ')}
            </span>
          )}
        </span>
      </a>
    </li>
  );
}

/**
 * The member's own calendar as an agenda, day by day (easier on a phone than a month grid): meetings, task and
 * study deadlines, documents to acknowledge; then the private link for the phone's calendar app.
 */
export default function Calendar(props: { query: URLSearchParams }) {
  const lang = useStore(locale);
  const [state, retry] = useAsync(() => api<MyCalendar>('GET', '/api/v1/calendar/mine'), []);
  const asked = props.query.get('range');
  const [range, setRange] = useState<Range>(RANGES.find((r) => r === asked) ?? 'month');
  // The choice stays in the address, so coming back from an entry shows the same period.
  const choose = (r: Range) => {
    setRange(r);
    history.replaceState(history.state, '', `/calendar?range=${r}`);
  };
  const today = todayInVietnam();
  return (
    <Screen title={t('calendar.title')} lead={<p class="lead">{t('calendar.lead')}</p>}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && (
        <>
          <div class="cal-range" role="group" aria-label={t('calendar.range')}>
            {RANGES.map((r) => (
              <button
                key={r}
                type="button"
                class={r === range ? 'button button-primary' : 'button'}
                aria-pressed={r === range}
                onClick={() => choose(r)}
              >
                {t(`calendar.range.${r}`)}
              </button>
            ))}
          </div>
          {(() => {
            const groups = groupByDay(state.value.items, today, range);
            if (groups.length === 0) return <p>{t('calendar.empty')}</p>;
            return groups.map((g) => (
              <section key={g.key} aria-labelledby={`cal-${g.key}`} class="cal-day">
                <h2 id={`cal-${g.key}`} class={g.key === 'overdue' ? 'cal-overdue' : undefined}>
                  {dayHeading(g.key, today, lang)}
                </h2>
                <ul class="list">
                  {g.items.map((item) => (
                    <Entry key={`${item.kind}-${item.id}`} item={item} />
                  ))}
                </ul>
              </section>
            ));
          })()}
          <FeedLink hasFeed={state.value.hasFeed} createdAt={state.value.feedCreatedAt} />
        </>
      )}
    </Screen>
  );
}
