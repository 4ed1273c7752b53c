import { api } from '../api/client.ts';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';

export interface OrgChoice {
  id: string;
  name: string;
}

export interface DocChoice {
  id: string;
  title: string;
  number: string | null;
}

/**
 * What a committee picks from when it assigns study or runs a contest: the documents it can read and its
 * organisation with the organisations directly below it (the audience is the chosen one's whole subtree).
 */
export function useStudySources(orgId: string) {
  return useAsync(async () => {
    const id = encodeURIComponent(orgId);
    const [org, children, docs] = await Promise.all([
      api<OrgChoice>('GET', `/api/v1/orgs/${id}`),
      api<{ items: OrgChoice[] }>('GET', `/api/v1/orgs/${id}/children`),
      api<{ items: DocChoice[] }>('GET', '/api/v1/documents?limit=100'),
    ]);
    return {
      org,
      audiences: [{ id: org.id, name: org.name }, ...children.items.map((c) => ({ id: c.id, name: c.name }))],
      docs: docs.items,
    };
  }, [orgId]);
}

export function DocumentSelect(props: { docs: DocChoice[]; value: string; onChange: (id: string) => void }) {
  return (
    <div class="field">
      <label for="st-doc">{t('quizAdmin.document')}</label>
      <select
        id="st-doc"
        required
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{t('quizAdmin.chooseDocument')}</option>
        {props.docs.map((d) => (
          <option key={d.id} value={d.id}>
            {d.number ? `${d.number} · ${d.title}` : d.title}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AudienceSelect(props: {
  audiences: OrgChoice[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <div class="field">
      <label for="st-audience">{t('quizAdmin.audience')}</label>
      <p id="st-audience-hint" class="hint">
        {t('quizAdmin.audienceHint')}
      </p>
      <select
        id="st-audience"
        aria-describedby="st-audience-hint"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.audiences.map((o, i) => (
          <option key={o.id} value={o.id}>
            {i === 0 ? o.name : `— ${o.name}`}
          </option>
        ))}
      </select>
    </div>
  );
}
