import { useRef, useState } from 'preact/hooks';
import { api, ApiError, errorMessage } from '../api/client.ts';
import type { ImportProblem, Me, Org } from '../api/types.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatNumber, t } from '../i18n/i18n.ts';
import { canImportAt } from '../state/roles.ts';
import { Breadcrumbs } from './OrgHeader.tsx';

/** The column titles of an import file, in the order of the template. */
export const IMPORT_COLUMNS = [
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Số điện thoại',
  'Số thẻ đảng',
  'Ngày vào Đảng',
  'Ngày chính thức',
  'Loại',
  'Trạng thái',
  'Chức vụ',
] as const;

// A byte-order mark makes Excel open the UTF-8 template with its Vietnamese letters intact.
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${IMPORT_COLUMNS.join(',')}\r\n`)}`;

type Outcome =
  | { kind: 'done'; imported: number }
  | { kind: 'rows'; message: string; problems: ImportProblem[] }
  | { kind: 'error'; message: string };

function problemsOf(error: ApiError): ImportProblem[] {
  if (!Array.isArray(error.details)) return [];
  return error.details.filter(
    (d): d is ImportProblem =>
      !!d && typeof d === 'object' && typeof (d as ImportProblem).message === 'string',
  );
}

/** The server's message repeats the row and column; the report shows those separately, so only the reason. */
function reasonOf(p: ImportProblem): string {
  const prefix = p.column ? `Dòng ${p.row}, cột "${p.column}": ` : `Dòng ${p.row}: `;
  return p.message.startsWith(prefix) ? p.message.slice(prefix.length) : p.message;
}

/** Upload a member list; the server checks every row and imports all or nothing. */
export default function MemberImport(props: { orgId: string; me: Me }) {
  const file = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const [orgState, retry] = useAsync(
    () => api<Org>('GET', `/api/v1/orgs/${encodeURIComponent(props.orgId)}`),
    [props.orgId],
  );

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setOutcome({ kind: 'error', message: t('import.noFile') });
      file.current?.focus();
      return;
    }
    const body = new FormData();
    body.append('file', chosen, chosen.name);
    setBusy(true);
    setOutcome(null);
    try {
      const result = await api<{ imported: number }>(
        'POST',
        `/api/v1/orgs/${encodeURIComponent(props.orgId)}/members/import`,
        body,
      );
      setOutcome({ kind: 'done', imported: result.imported });
      if (file.current) file.current.value = '';
      setFileName(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID_ROWS') {
        setOutcome({ kind: 'rows', message: e.message, problems: problemsOf(e) });
      } else setOutcome({ kind: 'error', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  if (orgState.status === 'loading') return <Loading />;
  if (orgState.status === 'error')
    return (
      <Screen title={t('import.title')}>
        <LoadError message={orgState.message} retry={retry} />
      </Screen>
    );
  const org = orgState.value;
  if (!canImportAt(props.me, org.path))
    return (
      <Screen title={t('import.title')}>
        <p>{t('error.forbidden')}</p>
      </Screen>
    );

  const errorText =
    outcome?.kind === 'error' ? outcome.message : outcome?.kind === 'rows' ? outcome.message : null;
  return (
    <Screen
      before={<Breadcrumbs org={org} subPage />}
      title={t('import.title')}
      lead={
        <>
          <p class="lead">{t('import.into', { org: org.name })}</p>
          <p>{t('import.intro')}</p>
        </>
      }
    >
      <details class="columns">
        <summary>{t('import.columns')}</summary>
        <ol>
          {IMPORT_COLUMNS.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
        <p>
          <a class="link-block" href={TEMPLATE_HREF} download="mau-danh-sach-dang-vien.csv">
            {t('import.template')}
          </a>
        </p>
      </details>
      <form class="stack" onSubmit={submit} noValidate>
        <div class="field">
          <label for="import-file">{t('import.file')}</label>
          <div class="file-picker">
            <input
              ref={file}
              id="import-file"
              name="file"
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(e) => setFileName(e.currentTarget.files?.[0]?.name ?? null)}
            />
            {/* The browser's own button speaks the browser's language; this one speaks the app's. */}
            <label for="import-file" class="button" aria-hidden="true">
              {t('import.choose')}
            </label>
            <span class="file-name">{fileName ?? t('import.noneChosen')}</span>
          </div>
        </div>
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('import.submitting') : t('import.submit')}
        </button>
      </form>
      <Alert message={errorText} />
      <Alert
        message={outcome?.kind === 'done' ? t('import.done', { count: outcome.imported }) : null}
        kind="success"
      />
      {outcome?.kind === 'rows' && outcome.problems.length > 0 && (
        <section aria-labelledby="import-report" class="report">
          <h2 id="import-report">{t('import.report', { count: formatNumber(outcome.problems.length) })}</h2>
          <ul class="list">
            {outcome.problems.map((p, i) => (
              <li key={i} class="problem">
                <p class="list-title">
                  {t('import.row', { row: p.row })}
                  {p.column && <> · {t('import.column', { column: p.column })}</>}
                </p>
                <p>{reasonOf(p)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Screen>
  );
}
