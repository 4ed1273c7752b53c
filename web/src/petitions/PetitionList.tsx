import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { categoryKey, statusKey, type PetitionSummary } from './types.ts';
import './petitions.css';

/** One row of a petition list: title, where it went, its state and whether the answer is late. */
export function PetitionItems(props: { items: PetitionSummary[] }) {
  if (props.items.length === 0) return <p>{t('petition.none')}</p>;
  return (
    <ul class="list">
      {props.items.map((p) => (
        <li key={p.id}>
          <a class="list-link" href={`/petitions/${encodeURIComponent(p.id)}`}>
            <span class="list-text">
              <span class="list-title">{p.title}</span>
              <span class="list-meta">
                {' '}
                {t(categoryKey(p.category))} · {p.addressedOrgName} · {formatDate(p.createdAt)}
              </span>
            </span>
            <span class="badges">
              <span class="badge">{t(statusKey(p.status))}</span>
              {p.overdue && <span class="badge badge-late">{t('petition.overdue')}</span>}
              {p.confidential && <span class="badge">{t('petition.confidentialBadge')}</span>}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The member's own petitions, newest first, with the way to write a new one. */
export default function PetitionList() {
  const [state, retry] = useAsync(
    () => api<{ items: PetitionSummary[] }>('GET', '/api/v1/petitions/mine'),
    [],
  );
  return (
    <Screen title={t('petition.title')}>
      <p>
        <a class="button button-primary" href="/petitions/new">
          {t('petition.new')}
        </a>
      </p>
      <section aria-labelledby="pt-mine">
        <h2 id="pt-mine">{t('petition.mine')}</h2>
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
        {state.status === 'done' && <PetitionItems items={state.value.items} />}
      </section>
    </Screen>
  );
}
