import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { formatDate, t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/vi.ts';
import { highlightParts } from './highlight.ts';

interface Hit {
  type: string;
  id: string;
  title: string;
  snippet: string;
  highlights: Array<[number, number]>;
  titleHighlights: Array<[number, number]>;
  source: string | null;
  url: string;
  date: string;
  number: string | null;
}

interface Answer {
  query: string;
  truncated: boolean;
  notice: string | null;
  hits: Hit[];
}

const TYPES = ['', 'news', 'document', 'meeting', 'resolution', 'guide'] as const;
const DEBOUNCE_MS = 250;

const TYPE_KEYS: Record<string, MessageKey> = {
  news: 'search.type.news',
  document: 'search.type.document',
  meeting: 'search.type.meeting',
  resolution: 'search.type.resolution',
  guide: 'search.type.guide',
  consultation: 'search.type.consultation',
  note: 'search.type.note',
};

function typeLabel(type: string): string {
  const key = TYPE_KEYS[type];
  return key ? t(key) : type;
}

function Marked(props: { text: string; ranges: Array<[number, number]> }) {
  return (
    <>
      {highlightParts(props.text, props.ranges).map((p, i) =>
        p.marked ? <mark key={i}>{p.text}</mark> : p.text,
      )}
    </>
  );
}

type State =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; answer: Answer }
  | { status: 'error'; message: string };

/**
 * Search as you type: results follow the text after a short pause; the query and type live in the address so
 * Back from an opened result comes back to the same list.
 */
export default function Search(props: { query: URLSearchParams }) {
  const [q, setQ] = useState(props.query.get('q') ?? '');
  const [type, setType] = useState(props.query.get('type') ?? '');
  const [state, setState] = useState<State>({ status: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (type) params.set('type', type);
    const address = `/search${params.size ? `?${params}` : ''}`;
    if (location.pathname + location.search !== address) history.replaceState(null, '', address);
    if (!q.trim()) {
      setState({ status: 'idle' });
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      setState((s) => (s.status === 'done' ? s : { status: 'loading' }));
      api<Answer>('GET', `/api/v1/search?${params}`)
        .then((answer) => ticket === latest.current && setState({ status: 'done', answer }))
        .catch(
          (e: unknown) =>
            ticket === latest.current && setState({ status: 'error', message: errorMessage(e) }),
        );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, type]);

  return (
    <Screen title={t('search.title')}>
      <form class="stack" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="search-q">{t('search.label')}</label>
          <p id="search-q-hint" class="hint">
            {t('search.hint')}
          </p>
          <input
            id="search-q"
            type="search"
            value={q}
            onInput={(e) => setQ(e.currentTarget.value)}
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            enterkeyhint="search"
            aria-describedby="search-q-hint"
          />
        </div>
        {/* Folded away unless in use: at large text the results should start on the first screen. */}
        <details class="filters-more" open={type !== ''}>
          <summary>{type ? `${t('search.typeLegend')}: ${typeLabel(type)}` : t('search.filters')}</summary>
          <fieldset class="field">
            <legend>{t('search.typeLegend')}</legend>
            <div class="choices">
              {TYPES.map((value) => (
                <label key={value || 'all'} class="choice">
                  <input
                    type="radio"
                    name="search-type"
                    value={value}
                    checked={type === value}
                    onChange={() => setType(value)}
                  />
                  <span>{value ? typeLabel(value) : t('search.type.all')}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </details>
      </form>

      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <Alert message={state.message} />}
      {state.status === 'done' && (
        <>
          <Alert message={state.answer.notice} />
          <p role="status" class="count">
            {state.answer.hits.length === 0
              ? t('search.none')
              : t('search.count', { count: state.answer.hits.length })}
          </p>
          <ul class="list search-hits">
            {state.answer.hits.map((h) => (
              <li key={`${h.type}:${h.id}`}>
                <a class="list-link" href={h.url}>
                  <span class="list-text">
                    <span class="list-title">
                      <Marked text={h.title} ranges={h.titleHighlights} />
                    </span>
                    <span class="list-meta">
                      {[typeLabel(h.type), h.number, formatDate(h.date.slice(0, 10)), h.source]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    {h.snippet && (
                      <span class="list-meta search-snippet">
                        <Marked text={h.snippet} ranges={h.highlights} />
                      </span>
                    )}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Screen>
  );
}
