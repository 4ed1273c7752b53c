import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { answerInParagraph } from './answer-check.ts';
import type { BankQuestion } from './types.ts';
import './quizzes.css';

const MAX_OPTIONS = 8;

function tagsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ];
}

/** The options of a choice question: text, whether each is correct, add and remove. */
function OptionEditor(props: {
  qid: string;
  kind: 'single' | 'multiple';
  options: string[];
  correct: number[];
  onChange: (options: string[], correct: number[]) => void;
}) {
  const { options, correct } = props;
  const toggle = (i: number) => {
    if (props.kind === 'single') return props.onChange(options, [i]);
    const next = correct.includes(i) ? correct.filter((x) => x !== i) : [...correct, i];
    props.onChange(
      options,
      next.sort((a, b) => a - b),
    );
  };
  const remove = (i: number) =>
    props.onChange(
      options.filter((_, j) => j !== i),
      correct.filter((x) => x !== i).map((x) => (x > i ? x - 1 : x)),
    );
  return (
    <fieldset>
      <legend>{t('quizAdmin.options')}</legend>
      {options.map((o, i) => (
        <div key={i} class="quiz-edit-option">
          <label for={`opt-${props.qid}-${i}`}>{t('quizAdmin.optionN', { n: i + 1 })}</label>
          <input
            id={`opt-${props.qid}-${i}`}
            type="text"
            maxLength={500}
            value={o}
            onInput={(e) =>
              props.onChange(
                options.map((x, j) => (j === i ? e.currentTarget.value : x)),
                correct,
              )
            }
          />
          <div class="quiz-edit-row">
            <label class="check">
              <input
                type={props.kind === 'single' ? 'radio' : 'checkbox'}
                name={`right-${props.qid}`}
                checked={correct.includes(i)}
                aria-label={t('quizAdmin.isCorrectN', { n: i + 1 })}
                onChange={() => toggle(i)}
              />
              <span aria-hidden="true">{t('quizAdmin.isCorrect')}</span>
            </label>
            {options.length > 2 && (
              <button
                type="button"
                class="button"
                aria-label={t('quizAdmin.removeOptionN', { n: i + 1 })}
                onClick={() => remove(i)}
              >
                {t('quizAdmin.remove')}
              </button>
            )}
          </div>
        </div>
      ))}
      {options.length < MAX_OPTIONS && (
        <button type="button" class="button" onClick={() => props.onChange([...options, ''], correct)}>
          {t('quizAdmin.addOption')}
        </button>
      )}
    </fieldset>
  );
}

function Item(props: { q: BankQuestion; onDone: () => void }) {
  const { q } = props;
  const [stem, setStem] = useState(q.stem);
  const [kind, setKind] = useState(q.kind);
  const [options, setOptions] = useState(q.options);
  const [correct, setCorrect] = useState(q.correct);
  const [tags, setTags] = useState(q.tags.join(', '));
  const [error, setError] = useState('');
  const act = async (fn: () => Promise<unknown>) => {
    setError('');
    try {
      await fn();
      props.onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const url = `/api/v1/quiz-questions/${encodeURIComponent(q.id)}`;
  const draft = { kind, stem, options, correct };
  const changed =
    JSON.stringify(draft) !==
      JSON.stringify({ kind: q.kind, stem: q.stem, options: q.options, correct: q.correct }) ||
    JSON.stringify(tagsOf(tags)) !== JSON.stringify(q.tags);
  const supported = q.paragraphText === null ? false : answerInParagraph(draft, q.paragraphText);
  return (
    <li class="quiz-review">
      <div class="field">
        <label for={`stem-${q.id}`}>{t('quiz.stem')}</label>
        <textarea id={`stem-${q.id}`} rows={4} value={stem} onInput={(e) => setStem(e.currentTarget.value)} />
      </div>
      {kind === 'true_false' ? (
        <fieldset>
          <legend>{t('quizAdmin.statementIs')}</legend>
          {q.options.map((o, i) => (
            <label key={i} class="check">
              <input
                type="radio"
                name={`tf-${q.id}`}
                checked={correct[0] === i}
                onChange={() => setCorrect([i])}
              />
              <span>{o}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <>
          <div class="field">
            <label for={`kind-${q.id}`}>{t('quizAdmin.kind')}</label>
            <select
              id={`kind-${q.id}`}
              value={kind}
              onChange={(e) => {
                const k = e.currentTarget.value as 'single' | 'multiple';
                setKind(k);
                if (k === 'single') setCorrect(correct.slice(0, 1));
              }}
            >
              <option value="single">{t('quizAdmin.kindSingle')}</option>
              <option value="multiple">{t('quizAdmin.kindMultiple')}</option>
            </select>
          </div>
          <OptionEditor
            qid={q.id}
            kind={kind}
            options={options}
            correct={correct}
            onChange={(o, c) => {
              setOptions(o);
              setCorrect(c);
            }}
          />
        </>
      )}
      <div class="field">
        <label for={`tags-${q.id}`}>{t('quizAdmin.tags')}</label>
        <p id={`tags-hint-${q.id}`} class="hint">
          {t('quizAdmin.tagsHint')}
        </p>
        <input
          id={`tags-${q.id}`}
          type="text"
          aria-describedby={`tags-hint-${q.id}`}
          value={tags}
          onInput={(e) => setTags(e.currentTarget.value)}
        />
      </div>
      {q.paragraphText && (
        <>
          <p class="hint">{t('quizAdmin.cited')}</p>
          <blockquote>{q.paragraphText}</blockquote>
        </>
      )}
      {supported === false && (
        <p class="quiz-warning">
          {q.origin === 'manual' ? t('quizAdmin.notInParagraph') : t('quizAdmin.notInParagraphRefused')}
        </p>
      )}
      {supported === null && <p class="hint">{t('quizAdmin.checkStatement')}</p>}
      {error && <p role="alert">{error}</p>}
      <p class="actions">
        {changed ? (
          <button
            type="button"
            class="button button-primary"
            onClick={() =>
              void act(() =>
                api('PUT', url, {
                  kind,
                  stem,
                  options,
                  correct,
                  paragraphId: q.paragraphId,
                  tags: tagsOf(tags),
                }),
              )
            }
          >
            {t('quiz.saveEdit')}
          </button>
        ) : (
          <button
            type="button"
            class="button button-primary"
            onClick={() => void act(() => api('POST', `${url}/review`, { action: 'accept' }))}
          >
            {t('quiz.accept')}
          </button>
        )}
        <button
          type="button"
          class="button button-danger"
          onClick={() => void act(() => api('POST', `${url}/review`, { action: 'reject' }))}
        >
          {t('quiz.reject')}
        </button>
      </p>
    </li>
  );
}

/** The editor's review queue of a document: generate proposals, then accept, edit or reject each one. */
export default function Review(props: { documentId: string }) {
  const base = `/api/v1/documents/${encodeURIComponent(props.documentId)}/questions`;
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<{ items: BankQuestion[] }>('GET', `${base}?status=proposed`),
        api<{ items: BankQuestion[] }>('GET', base),
      ]),
    [props.documentId],
  );
  const [message, setMessage] = useState('');
  const generate = async () => {
    setMessage('');
    try {
      const r = await api<{ proposed: number }>('POST', `${base}/generate`, {});
      setMessage(t('quiz.generated', { n: r.proposed }));
      retry();
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  return (
    <Screen title={t('quiz.reviewTitle')}>
      <p class="actions">
        <button type="button" class="button button-primary" onClick={() => void generate()}>
          {t('quiz.generate')}
        </button>
      </p>
      {message && <p role="status">{message}</p>}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && (
        <>
          <p>
            {t('quiz.bankCount', {
              n: state.value[1].items.filter((q) => q.status === 'accepted' || q.status === 'edited').length,
            })}
          </p>
          <h2>{t('quiz.queue', { n: state.value[0].items.length })}</h2>
          <ol class="quiz-queue">
            {state.value[0].items.map((q) => (
              <Item key={q.id} q={q} onDone={retry} />
            ))}
          </ol>
        </>
      )}
    </Screen>
  );
}
