import { useRef, useState } from 'preact/hooks';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, formatNumber, t, type MessageKey } from '../i18n/i18n.ts';
import type { Item, Report, Value, Violation } from './types.ts';
import './reports.css';

type Problems = Record<string, string[]>;

function show(v: Value | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return formatNumber(v);
  return v;
}

function cellProblems(e: unknown): Problems | null {
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return null;
  const out: Problems = {};
  for (const d of e.details as Array<{ field?: string; message?: string }>) {
    if (!d.field || !d.message) continue;
    (out[d.field] ??= []).push(d.message);
  }
  return Object.keys(out).length ? out : null;
}

/** Messages of broken rules, shown beside the first value each rule uses. */
function ruleProblems(list: Violation[]): Problems {
  const out: Problems = {};
  for (const v of list) {
    const key = Object.keys(v.values)[0];
    if (key) (out[key] ??= []).push(v.message);
  }
  return out;
}

/** One report: data entry for the sender (messages beside the fields), approve or return for the committee. */
export default function ReportEntry(props: { reportId: string }) {
  const url = `/api/v1/reports/${encodeURIComponent(props.reportId)}`;
  const [state, retry] = useAsync(() => api<Report>('GET', url), [url]);
  const [report, setReport] = useState<Report | null>(null);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [review, setReview] = useState('');
  const file = useRef<HTMLInputElement>(null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('report.title')}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  const r = report && report.id === state.value.id ? report : state.value;
  const editing = r.editable && r.canSubmit;
  const valueOf = (key: string) => edits[key] ?? show(r.values[key]);
  const rules = { ...ruleProblems(r.check.errors), ...ruleProblems(r.check.warnings) };

  function changed(): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(edits)) out[k] = v.trim() === '' ? null : v;
    return out;
  }

  async function run(action: () => Promise<Report>, success: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const next = await action();
      setReport(next);
      setEdits({});
      setTexts({});
      setProblems({});
      setDone(success);
    } catch (e) {
      setError(errorMessage(e));
      setProblems(cellProblems(e) ?? {});
    } finally {
      setBusy(false);
    }
  }

  const body = () => ({
    values: changed(),
    texts,
    warningComments: { ...r.warningComments, ...comments },
  });
  const save = () => run(() => api<Report>('PUT', `${url}/values`, body()), t('report.saved'));
  const submit = () => run(() => api<Report>('POST', `${url}/submit`, body()), t('report.submitted'));
  const decide = (action: 'approve' | 'return') =>
    run(
      () => api<Report>('POST', `${url}/${action}`, { comment: review }),
      t(action === 'approve' ? 'report.approved' : 'report.returnedDone'),
    );
  async function upload(event: Event) {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return;
    const form = new FormData();
    form.append('file', chosen, chosen.name);
    await run(() => api<Report>('POST', `${url}/xlsx`, form), t('report.uploaded'));
  }

  return (
    <Screen
      title={`${r.templateName} — ${r.periodLabel}`}
      before={
        <nav class="crumbs" aria-label={t('report.title')}>
          <a href={`/orgs/${encodeURIComponent(r.orgId)}/reports`}>{r.orgName}</a>
        </nav>
      }
      lead={
        <p class="badges">
          <span class={`badge status-${r.status}`}>{t(`report.status.${r.status}` as MessageKey)}</span>
          <span class={`badge${r.timeliness === 'late' || r.timeliness === 'missing' ? ' badge-late' : ''}`}>
            {r.timeliness === 'not_due'
              ? t('report.deadline', { date: formatDate(r.deadline) })
              : t(`report.time.${r.timeliness}` as MessageKey)}
          </span>
        </p>
      }
    >
      {r.returnComment && (
        <p class="alert alert-error">{t('report.returned', { comment: r.returnComment })}</p>
      )}
      {!editing && r.notEditableReason && r.canSubmit && <p class="muted">{r.notEditableReason}</p>}
      <form
        class="report-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {r.sections.map((s) => (
          <fieldset key={s.code} class="report-section">
            <legend>{s.title}</legend>
            {s.items.map((item) => (
              <ItemField
                key={item.kind === 'indicator' ? item.indicator : item.code}
                item={item}
                editing={editing}
                valueOf={valueOf}
                text={
                  texts[item.kind === 'indicator' ? '' : item.code] ??
                  r.texts[item.kind === 'indicator' ? '' : item.code] ??
                  ''
                }
                onValue={(key, v) => setEdits({ ...edits, [key]: v })}
                onText={(code, v) => setTexts({ ...texts, [code]: v })}
                problems={problems}
                rules={rules}
              />
            ))}
          </fieldset>
        ))}
        {editing && r.check.warnings.length > 0 && (
          <fieldset class="report-section">
            <legend>{t('report.explain')}</legend>
            {r.check.warnings.map((w) => (
              <div class="field" key={w.rule}>
                <label for={`wc-${w.rule}`}>{w.message}</label>
                <textarea
                  id={`wc-${w.rule}`}
                  rows={2}
                  value={comments[w.rule] ?? r.warningComments[w.rule] ?? ''}
                  onInput={(e) => setComments({ ...comments, [w.rule]: e.currentTarget.value })}
                />
              </div>
            ))}
          </fieldset>
        )}
        <Alert message={error} />
        <Alert message={done} kind="success" />
        {editing && (
          <div class="actions">
            <button type="submit" class="button" disabled={busy}>
              {t('report.save')}
            </button>
            <button type="button" class="button button-primary" disabled={busy} onClick={() => void submit()}>
              {t('report.submit')}
            </button>
          </div>
        )}
      </form>

      {r.canReview && r.status === 'submitted' && (
        <section aria-labelledby="rep-review" class="report-review">
          <h2 id="rep-review">{t('report.review')}</h2>
          <div class="field">
            <label for="rep-review-comment">{t('report.reviewComment')}</label>
            <textarea
              id="rep-review-comment"
              rows={3}
              value={review}
              onInput={(e) => setReview(e.currentTarget.value)}
            />
          </div>
          <div class="actions">
            <button
              type="button"
              class="button button-primary"
              disabled={busy}
              onClick={() => void decide('approve')}
            >
              {t('report.approve')}
            </button>
            <button
              type="button"
              class="button button-danger"
              disabled={busy}
              onClick={() => void decide('return')}
            >
              {t('report.return')}
            </button>
          </div>
        </section>
      )}

      <section aria-labelledby="rep-excel">
        <h2 id="rep-excel">{t('report.excel')}</h2>
        <p>
          <a class="button" href={`${url}/xlsx`} download>
            {t('report.download')}
          </a>
        </p>
        {editing && (
          <form onSubmit={(e) => void upload(e)} class="report-upload">
            <label for="rep-file">{t('report.chooseFile')}</label>
            <input id="rep-file" ref={file} type="file" accept=".xlsx" />
            <button type="submit" class="button" disabled={busy}>
              {t('report.upload')}
            </button>
          </form>
        )}
      </section>

      {r.history.length > 0 && (
        <section aria-labelledby="rep-history">
          <h2 id="rep-history">{t('report.history')}</h2>
          <ul class="report-history">
            {r.history.map((h, i) => (
              <li key={i}>
                <strong>{t(`report.event.${h.action}` as MessageKey)}</strong> {formatDate(h.at)}
                {h.comment && <span> — {h.comment}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Screen>
  );
}

function Messages(props: { id: string; list: string[] | undefined; kind?: 'error' | 'warn' }) {
  if (!props.list?.length) return null;
  return (
    <p id={props.id} class={props.kind === 'warn' ? 'field-warn' : 'field-error'}>
      {props.list.join(' ')}
    </p>
  );
}

function ItemField(props: {
  item: Item;
  editing: boolean;
  valueOf: (key: string) => string;
  text: string;
  onValue: (key: string, v: string) => void;
  onText: (code: string, v: string) => void;
  problems: Problems;
  rules: Problems;
}) {
  const { item } = props;
  if (item.kind === 'attachment') return null;
  if (item.kind === 'text') {
    const id = `f-${item.code}`;
    return (
      <div class="field">
        <label for={id}>{item.label}</label>
        <textarea
          id={id}
          rows={3}
          disabled={!props.editing}
          value={props.text}
          onInput={(e) => props.onText(item.code, e.currentTarget.value)}
        />
        <Messages id={`${id}-msg`} list={props.problems[item.code]} />
      </div>
    );
  }
  if (item.computed)
    return (
      <div class="field report-computed">
        <span class="label">{item.name}</span>
        <span class="hint">{t('report.computed')}</span>
      </div>
    );
  const multi = item.cells.length > 1;
  const Wrapper = multi ? 'fieldset' : 'div';
  return (
    <Wrapper class={multi ? 'field report-group' : 'field'}>
      {multi && (
        <legend>
          {item.name}
          {item.unit ? ` (${item.unit})` : ''}
        </legend>
      )}
      {item.cells.map((cell) => {
        const id = `f-${cell.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        const errs = props.problems[cell.key];
        const rule = props.rules[cell.key] ?? (cell.key === item.indicator ? undefined : undefined);
        const label = multi ? (cell.label ?? '') : `${item.name}${item.unit ? ` (${item.unit})` : ''}`;
        const describedBy = [
          errs ? `${id}-msg` : '',
          rule ? `${id}-rule` : '',
          item.prefillLabel ? `${id}-pre` : '',
        ]
          .filter(Boolean)
          .join(' ');
        const common = {
          id,
          disabled: !props.editing,
          'aria-invalid': errs ? ('true' as const) : undefined,
          'aria-describedby': describedBy || undefined,
        };
        return (
          <div class="report-cell" key={cell.key}>
            <label for={id}>
              {label}
              {item.required && <span class="req"> ({t('report.required')})</span>}
            </label>
            {item.prefillLabel && item.prefillValue !== null && (
              <p id={`${id}-pre`} class="hint">
                {t('report.prefilled', { source: item.prefillLabel, value: formatNumber(item.prefillValue) })}
              </p>
            )}
            {item.valueType === 'yes_no' ? (
              <select
                {...common}
                value={props.valueOf(cell.key)}
                onChange={(e) => props.onValue(cell.key, e.currentTarget.value)}
              >
                <option value="">—</option>
                <option value="Có">{t('report.yes')}</option>
                <option value="Không">{t('report.no')}</option>
              </select>
            ) : (
              <input
                {...common}
                type="text"
                inputMode={item.valueType === 'decimal' ? 'decimal' : 'numeric'}
                autocomplete="off"
                value={props.valueOf(cell.key)}
                onInput={(e) => props.onValue(cell.key, e.currentTarget.value)}
              />
            )}
            <Messages id={`${id}-msg`} list={errs} />
            <Messages id={`${id}-rule`} list={rule} kind="warn" />
          </div>
        );
      })}
    </Wrapper>
  );
}
