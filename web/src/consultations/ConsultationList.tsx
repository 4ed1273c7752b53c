import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/vi.ts';

interface Item {
  id: string;
  title: string;
  orgName: string;
  opensAt: string;
  closesAt: string;
  state: string;
}

/** Consultations the person takes part in or follows, open ones first. */
export default function ConsultationList() {
  const [state, retry] = useAsync(() => api<{ items: Item[] }>('GET', '/api/v1/consultations'), []);
  return (
    <Screen title={t('consultation.title')}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' &&
        (state.value.items.length === 0 ? (
          <p>{t('consultation.none')}</p>
        ) : (
          <ul class="list">
            {[...state.value.items]
              .sort((a, b) => Number(b.state === 'open') - Number(a.state === 'open'))
              .map((c) => (
                <li key={c.id}>
                  <a class="list-link" href={`/consultations/${encodeURIComponent(c.id)}`}>
                    <span class="list-text">
                      <span class="list-title">{c.title}</span>
                      <span class="list-meta">
                        {' '}
                        {c.orgName} · {t('consultation.until', { date: formatDate(c.closesAt) })}
                      </span>
                    </span>
                    <span class="badge">{t(`consultation.state.${c.state}` as MessageKey)}</span>
                  </a>
                </li>
              ))}
          </ul>
        ))}
    </Screen>
  );
}
