import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Screen } from '../components/Screen.tsx';
import { t } from '../i18n/i18n.ts';
import { SpeechPlayer } from '../speech/Player.tsx';
import './assistant.css';

interface Citation {
  documentId: string;
  type: string;
  title: string;
  source: string | null;
  passage: string;
  snippet: string;
  url: string;
}

interface Answer {
  question: string;
  truncated: boolean;
  found: boolean;
  answer: string;
  answeredBy: 'extractive' | 'generative';
  citations: Citation[];
  closest: Array<{ type: string; id: string; title: string; url: string }>;
}

const EXAMPLES = [
  'Nghị quyết 02 đặt mục tiêu gì cho kinh tế số năm 2025?',
  'Đến năm 2025 kinh tế số chiếm bao nhiêu phần trăm GRDP?',
  'Ngày nào là Ngày Chuyển đổi số quốc gia?',
];

/**
 * Ask in plain Vietnamese (with or without diacritics) and get the answer with where it comes from. Each
 * question after the first carries the earlier ones, so "còn năm 2030?" is understood.
 */
export default function Assistant(props: { query: URLSearchParams }) {
  const [question, setQuestion] = useState('');
  const [turns, setTurns] = useState<Answer[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [suggested, setSuggested] = useState<string[]>(EXAMPLES);
  const [listening, setListening] = useState<number | null>(null);
  const lastRef = useRef<HTMLLIElement>(null);
  const type = props.query.get('type');
  const id = props.query.get('id');

  useEffect(() => {
    if (!type || !id) return;
    const q = new URLSearchParams({ type, id });
    api<{ questions: string[] }>('GET', `/api/v1/assistant/suggestions?${q.toString()}`).then(
      (r) => r.questions.length && setSuggested(r.questions),
      () => undefined,
    );
  }, [type, id]);

  useEffect(() => {
    lastRef.current?.scrollIntoView({ block: 'start' });
    lastRef.current?.querySelector<HTMLElement>('.assistant-answer')?.focus();
  }, [turns.length]);

  async function askQuestion(text: string) {
    const q = text.trim();
    if (!q || busy) return;
    setBusy(true);
    setError(null);
    try {
      const previous = turns.slice(-3).map((x) => x.question);
      const answer = await api<Answer>('POST', '/api/v1/assistant/ask', {
        question: q,
        ...(previous.length ? { previous } : {}),
      });
      setTurns([...turns, answer]);
      setQuestion('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={t('assistant.title')} lead={<p class="lead">{t('assistant.lead')}</p>}>
      <ol class="assistant-turns" aria-label={t('assistant.conversation')}>
        {turns.map((turn, i) => (
          <li key={i} ref={i === turns.length - 1 ? lastRef : undefined}>
            <p class="assistant-question">
              <span class="visually-hidden">{t('assistant.you')} </span>
              {turn.question}
            </p>
            <div class="assistant-answer" tabIndex={-1}>
              <p data-paragraph-id={`answer-${i}`} class={turn.found ? 'assistant-found' : undefined}>
                {turn.answer}
              </p>
              {turn.truncated && <p class="muted">{t('assistant.truncated')}</p>}
              {turn.citations.length > 0 && (
                <div>
                  <h2 class="assistant-sources">{t('assistant.sources')}</h2>
                  <ul class="plain-list">
                    {turn.citations.map((c) => (
                      <li key={c.url}>
                        <a class="link-block" href={c.url}>
                          {c.title}
                          {c.source ? ` (${c.source})` : ''}
                        </a>
                        <blockquote class="assistant-quote">{c.snippet}</blockquote>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {turn.closest.length > 0 && (
                <div>
                  <h2 class="assistant-sources">{t('assistant.closest')}</h2>
                  <ul class="plain-list">
                    {turn.closest.map((c) => (
                      <li key={c.url}>
                        <a class="link-block" href={c.url}>
                          {c.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {listening === i ? (
                <SpeechPlayer
                  paragraphs={[{ id: `answer-${i}`, text: turn.answer }]}
                  textKey={`assistant-${i}-${turn.question}`}
                  title={turn.question}
                />
              ) : (
                <button class="button" type="button" onClick={() => setListening(i)}>
                  {t('assistant.listen')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      <form
        class="stack assistant-form"
        onSubmit={(e) => {
          e.preventDefault();
          void askQuestion(question);
        }}
      >
        <div class="field">
          <label for="assistant-q">{turns.length ? t('assistant.followUp') : t('assistant.ask')}</label>
          <textarea
            id="assistant-q"
            rows={3}
            value={question}
            maxLength={2000}
            onInput={(e) => setQuestion(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void askQuestion(question);
              }
            }}
          />
        </div>
        <Alert message={error} />
        <button class="button button-primary" type="submit" disabled={busy || !question.trim()}>
          {busy ? t('assistant.thinking') : t('assistant.send')}
        </button>
      </form>
      {turns.length === 0 && (
        <section aria-labelledby="assistant-suggested">
          <h2 id="assistant-suggested">{t('assistant.suggested')}</h2>
          <ul class="plain-list assistant-suggestions">
            {suggested.map((s) => (
              <li key={s}>
                <button class="button" type="button" disabled={busy} onClick={() => void askQuestion(s)}>
                  {s}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Screen>
  );
}
