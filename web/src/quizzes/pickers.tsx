import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { navigate } from '../router.ts';
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

/** A labelled input of the committee forms. */
export function InputField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'date' | 'datetime-local' | 'number';
  min?: number;
  max?: number;
  maxLength?: number;
}) {
  const numeric = props.type === 'number';
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        // One element for every kind of field; Preact's types split <input> by `type`.
        type={(props.type ?? 'text') as 'text'}
        inputMode={numeric ? ('numeric' as const) : undefined}
        min={props.min}
        max={props.max}
        maxLength={props.maxLength}
        required
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** One row of a list that opens a screen: a title, a line of details and an optional badge. */
export function LinkRow(props: { href: string; title: string; meta: string; badge?: ComponentChildren }) {
  return (
    <li>
      <a class="list-link" href={props.href}>
        <span class="list-text">
          <span class="list-title">{props.title}</span>
          <span class="list-meta"> {props.meta}</span>
        </span>
        {props.badge && <span class="badges">{props.badge}</span>}
      </a>
    </li>
  );
}

/**
 * Sends a committee form and opens what it created. `create(null, message)` shows a problem found before
 * sending (by default: a required field is empty).
 */
export function useCreate() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async (
    request: { url: string; body: unknown; to: (id: string) => string } | null,
    problem = t('quizAdmin.missing'),
  ) => {
    setError(request ? null : problem);
    if (!request) return;
    setBusy(true);
    try {
      const created = await api<{ id: string }>('POST', request.url, request.body);
      navigate(request.to(created.id));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  // Any change in the form takes an old message away: it may no longer be true.
  const clear = () => setError(null);
  return { error, busy, create, clear };
}
