import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { SpeechPlayer } from '../speech/Player.tsx';
import './guides.css';

interface Guide {
  slug: string;
  title: string;
  summary: string;
  intro: string;
  roles: Array<{ role: string; name: string }>;
  screen: string;
  tip: string | null;
  steps: Array<{ text: string; screenshot: string | null }>;
  related: Array<{ slug: string; title: string }>;
}

/** One guide: numbered steps with screenshots of the real app, a link to the screen, and "Nghe" to listen. */
export default function GuidePage(props: { slug: string }) {
  const [state, retry] = useAsync(
    () => api<Guide>('GET', `/api/v1/guides/${encodeURIComponent(props.slug)}`),
    [props.slug],
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const g = state.value;
  const paragraphs = [
    { id: 'gd-summary', text: `${g.title}. ${g.summary}` },
    ...g.steps.map((s, i) => ({
      id: `gd-step-${i + 1}`,
      text: `${t('guide.step', { n: i + 1 })}. ${s.text}`,
    })),
    ...(g.tip ? [{ id: 'gd-tip', text: g.tip }] : []),
  ];
  return (
    <Screen
      title={g.title}
      before={
        <nav aria-label={t('nav.breadcrumbs')} class="crumbs">
          <ol>
            <li>
              <a href="/guides">{t('guide.title')}</a>
            </li>
          </ol>
        </nav>
      }
      lead={
        <p class="lead" data-paragraph-id="gd-summary">
          {g.summary}
        </p>
      }
    >
      <p class="muted">{t('guide.for', { roles: g.roles.map((r) => r.name).join(', ') })}</p>
      <div data-speech-slot>
        <SpeechPlayer paragraphs={paragraphs} textKey={`guide:${g.slug}`} title={g.title} />
      </div>
      <h2>{t('guide.steps')}</h2>
      <ol class="gd-steps">
        {g.steps.map((s, i) => (
          <li key={i} data-paragraph-id={`gd-step-${i + 1}`}>
            <span class="gd-step-no">{t('guide.step', { n: i + 1 })}</span>
            {s.text}
            {s.screenshot && (
              <img
                class="gd-shot"
                src={s.screenshot}
                alt={t('guide.shot', { n: i + 1 })}
                loading="lazy"
                width={360}
                height={740}
              />
            )}
          </li>
        ))}
      </ol>
      {g.tip && (
        <p class="gd-tip" data-paragraph-id="gd-tip">
          <strong>{t('guide.tip')}: </strong>
          {g.tip}
        </p>
      )}
      <p>
        <a class="button" href={g.screen}>
          {t('guide.openScreen')}
        </a>
      </p>
      {g.related.length > 0 && (
        <section aria-labelledby="gd-related">
          <h2 id="gd-related">{t('guide.related')}</h2>
          <ul class="list">
            {g.related.map((r) => (
              <li key={r.slug}>
                <a class="list-link" href={`/guides/${r.slug}`}>
                  <span class="list-title">{r.title}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Screen>
  );
}
