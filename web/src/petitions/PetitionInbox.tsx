import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { PetitionItems } from './PetitionList.tsx';
import type { PetitionSummary } from './types.ts';
import './petitions.css';

interface Stats {
  total: number;
  overdue: number;
  averageResponseDays: number | null;
}

/** A committee's petitions for its subtree, with the overdue ones one tap away. */
export default function PetitionInbox(props: { orgId: string }) {
  const [overdueOnly, setOverdueOnly] = useState(false);
  const base = `/api/v1/orgs/${encodeURIComponent(props.orgId)}`;
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<{ items: PetitionSummary[] }>(
          'GET',
          `${base}/petitions?limit=200${overdueOnly ? '&overdue=true' : ''}`,
        ),
        api<Stats>('GET', `${base}/petition-stats`),
      ]),
    [base, overdueOnly],
  );
  return (
    <Screen title={t('petition.inboxTitle')}>
      <label class="check">
        <input
          type="checkbox"
          checked={overdueOnly}
          onChange={(e) => setOverdueOnly(e.currentTarget.checked)}
        />
        <span>{t('petition.filterOverdue')}</span>
      </label>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && (
        <>
          <p class="muted">
            {t('petition.stats', {
              total: state.value[1].total,
              overdue: state.value[1].overdue,
              days: state.value[1].averageResponseDays ?? '–',
            })}
          </p>
          <PetitionItems items={state.value[0].items} />
        </>
      )}
    </Screen>
  );
}
