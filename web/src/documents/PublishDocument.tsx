import { useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { Alert } from '../components/Alert.tsx';
import { Screen } from '../components/Screen.tsx';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';

// The server's document kinds (src/features/documents/kinds.ts) with their Vietnamese names.
const KINDS: Array<[string, string]> = [
  ['nghi_quyet', 'Nghị quyết'],
  ['chi_thi', 'Chỉ thị'],
  ['ket_luan', 'Kết luận'],
  ['quy_dinh', 'Quy định'],
  ['quyet_dinh', 'Quyết định'],
  ['huong_dan', 'Hướng dẫn'],
  ['thong_bao', 'Thông báo'],
  ['ke_hoach', 'Kế hoạch'],
  ['bao_cao', 'Báo cáo'],
  ['tham_khao', 'Tài liệu tham khảo'],
];
const PUBLISHING_ROLES = new Set(['admin', 'office', 'secretary', 'deputy_secretary', 'committee_member']);

/**
 * A committee adds a document to the library for its subtree: identity (kind, number, date, issuing body), text,
 * and PDF/DOCX files whose text is extracted on the server for search, speech and quizzes.
 */
export default function PublishDocument(props: { me: Me }) {
  const orgs = [
    ...new Map(props.me.roles.filter((r) => PUBLISHING_ROLES.has(r.role)).map((r) => [r.orgId, r])).values(),
  ];
  const [orgId, setOrgId] = useState(orgs[0]?.orgId ?? '');
  const [kind, setKind] = useState('nghi_quyet');
  const [number, setNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [issuer, setIssuer] = useState('');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
  const files = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const doc = await api<{ id: string }>('POST', '/api/v1/documents', {
        orgId,
        kind,
        title: title.trim(),
        ...(number.trim() ? { number: number.trim() } : {}),
        ...(issuedOn ? { issuedOn } : {}),
        ...(issuer.trim() ? { issuer: issuer.trim() } : {}),
        ...(summary.trim() ? { summary: summary.trim() } : {}),
        ...(body.trim() ? { body: body.trim() } : {}),
      });
      for (const file of Array.from(files.current?.files ?? [])) {
        const form = new FormData();
        form.append('file', file, file.name);
        await api('POST', `/api/v1/documents/${encodeURIComponent(doc.id)}/files`, form);
      }
      navigate(`/documents/${encodeURIComponent(doc.id)}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={t('docPublish.title')}>
      <form class="stack" onSubmit={submit}>
        <div class="field">
          <label for="dp-org">{t('docPublish.org')}</label>
          <select id="dp-org" value={orgId} onChange={(e) => setOrgId(e.currentTarget.value)}>
            {orgs.map((o) => (
              <option key={o.orgId} value={o.orgId}>
                {o.orgName}
              </option>
            ))}
          </select>
          <p class="hint">{t('docPublish.orgHint')}</p>
        </div>
        <div class="field">
          <label for="dp-kind">{t('doc.kind')}</label>
          <select id="dp-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            {KINDS.map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="dp-number">{t('docPublish.number')}</label>
          <input
            id="dp-number"
            value={number}
            placeholder="02-NQ/TU"
            onInput={(e) => setNumber(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="dp-date">{t('docPublish.issuedOn')}</label>
          <input
            id="dp-date"
            type="date"
            value={issuedOn}
            onInput={(e) => setIssuedOn(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="dp-issuer">{t('docPublish.issuer')}</label>
          <input id="dp-issuer" value={issuer} onInput={(e) => setIssuer(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="dp-title">{t('docPublish.docTitle')}</label>
          <input id="dp-title" required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="dp-summary">{t('doc.summary')}</label>
          <textarea
            id="dp-summary"
            rows={3}
            value={summary}
            onInput={(e) => setSummary(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="dp-body">{t('doc.content')}</label>
          <p class="hint" id="dp-body-hint">
            {t('docPublish.bodyHint')}
          </p>
          <textarea
            id="dp-body"
            rows={10}
            aria-describedby="dp-body-hint"
            value={body}
            onInput={(e) => setBody(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="dp-files">{t('doc.files')}</label>
          <input id="dp-files" ref={files} type="file" multiple accept=".pdf,.docx" />
        </div>
        <Alert message={error} />
        <button class="button button-primary" type="submit" disabled={busy || !title.trim() || !orgId}>
          {t('docPublish.submit')}
        </button>
      </form>
    </Screen>
  );
}
