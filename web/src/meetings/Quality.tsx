import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { apiUrl } from './types.ts';

interface Item {
  id: string;
  label: string;
  maxPoints: number;
  kind: 'yes_no' | 'points';
}
interface Score {
  total: number;
  max: number;
  ratingLabel: string;
}
interface QualityView {
  checklist: { items: Item[] };
  suggested: Record<string, number | boolean>;
  scores: Array<{ id: string; role: 'chair' | 'upper'; score: Score }>;
}

/** The chair or the upper committee scores the meeting by the organisation's checklist; the app pre-fills what it knows. */
export function Quality(props: { meetingId: string }) {
  const [state, retry] = useAsync(
    () => api<QualityView>('GET', `${apiUrl(props.meetingId)}/quality`),
    [props.meetingId],
  );
  const [answers, setAnswers] = useState<Record<string, number | boolean>>({});
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'success' } | null>(null);
  if (state.status !== 'done') return null;
  const q = state.value;
  const value = (id: string) => answers[id] ?? q.suggested[id];
  const submit = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    const all: Record<string, number | boolean> = {};
    for (const item of q.checklist.items)
      all[item.id] = value(item.id) ?? (item.kind === 'yes_no' ? false : 0);
    try {
      await api('POST', `${apiUrl(props.meetingId)}/quality`, { answers: all });
      setMessage({ text: t('meeting.saved'), kind: 'success' });
      retry();
    } catch (err) {
      setMessage({ text: errorMessage(err), kind: 'error' });
    }
  };
  return (
    <section aria-labelledby="mt-quality">
      <h2 id="mt-quality">{t('meeting.quality')}</h2>
      <ul>
        {q.scores.map((s) => (
          <li key={s.id}>
            {t('meeting.qualityScore', {
              role: t(`meeting.qualityRole.${s.role}`),
              total: s.score.total,
              max: s.score.max,
              rating: s.score.ratingLabel,
            })}
          </li>
        ))}
      </ul>
      <form class="mt-form" onSubmit={submit}>
        {q.checklist.items.map((item) =>
          item.kind === 'yes_no' ? (
            <label key={item.id}>
              <input
                type="checkbox"
                checked={value(item.id) === true}
                onChange={(e) =>
                  setAnswers({ ...answers, [item.id]: (e.target as HTMLInputElement).checked })
                }
              />{' '}
              {t('meeting.qualityPoints', { label: item.label, max: item.maxPoints })}
            </label>
          ) : (
            <div key={item.id}>
              <label for={`mt-q-${item.id}`}>
                {t('meeting.qualityPoints', { label: item.label, max: item.maxPoints })}
              </label>
              <input
                id={`mt-q-${item.id}`}
                type="number"
                min={0}
                max={item.maxPoints}
                step="any"
                value={String(value(item.id) ?? '')}
                onInput={(e) =>
                  setAnswers({ ...answers, [item.id]: Number((e.target as HTMLInputElement).value) })
                }
              />
            </div>
          ),
        )}
        <button type="submit" class="button">
          {t('meeting.qualitySubmit')}
        </button>
        <Alert message={message?.text} kind={message?.kind} />
      </form>
    </section>
  );
}
