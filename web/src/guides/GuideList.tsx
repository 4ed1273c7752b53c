import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import './guides.css';

interface Summary {
  slug: string;
  title: string;
  summary: string;
}
interface Catalogue {
  total: number;
  groups: Array<{ role: string; name: string; guides: Summary[] }>;
  results: Summary[] | null;
}

function GuideItems(props: { guides: Summary[] }) {
  return (
    <ul class="list">
      {props.guides.map((g) => (
        <li key={g.slug}>
          <a class="list-link" href={`/guides/${g.slug}`}>
            <span class="list-text">
              <span class="list-title">{g.title}</span>
              <span class="list-meta">{g.summary}</span>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Guides grouped by role (the member's role first), with a search box. */
export default function GuideList(props: { query: URLSearchParams }) {
  const q = props.query.get('q') ?? '';
  const [text, setText] = useState(q);
  const [state, retry] = useAsync(
    () => api<Catalogue>('GET', `/api/v1/guides${q ? `?q=${encodeURIComponent(q)}` : ''}`),
    [q],
  );
  const submit = (e: Event) => {
    e.preventDefault();
    navigate(text.trim() ? `/guides?q=${encodeURIComponent(text.trim())}` : '/guides');
  };
  return (
    <Screen
      title={t('guide.title')}
      lead={state.status === 'done' && <p class="lead">{t('guide.count', { count: state.value.total })}</p>}
    >
      <form class="nb-search" role="search" onSubmit={submit}>
        <div class="field">
          <label for="gd-q">{t('guide.search')}</label>
          <input id="gd-q" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button">
          {t('guide.searchButton')}
        </button>
      </form>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && state.value.results && (
        <section aria-labelledby="gd-results">
          <h2 id="gd-results">{t('guide.results', { q })}</h2>
          {state.value.results.length === 0 ? (
            <p>{t('guide.noResults', { q })}</p>
          ) : (
            <GuideItems guides={state.value.results} />
          )}
          <p>
            <a class="link-block" href="/guides">
              {t('guide.all')}
            </a>
          </p>
        </section>
      )}
      {state.status === 'done' &&
        !state.value.results &&
        state.value.groups.map((g) => (
          <section key={g.role} aria-labelledby={`gd-${g.role}`}>
            <h2 id={`gd-${g.role}`}>{g.name}</h2>
            <GuideItems guides={g.guides} />
          </section>
        ))}
    </Screen>
  );
}
