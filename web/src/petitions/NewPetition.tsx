import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { CATEGORIES, categoryKey, type PetitionDetail } from './types.ts';
import './petitions.css';

/** Write to the branch committee or a committee above it; the list offers only those, nearest first. */
export default function NewPetition() {
  const [targets, retry] = useAsync(
    () => api<{ items: Array<{ id: string; name: string }> }>('GET', '/api/v1/petitions/targets'),
    [],
  );
  const [orgId, setOrgId] = useState('');
  const [category, setCategory] = useState<string>('khac');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (targets.status === 'loading') return <Loading />;
  if (targets.status === 'error')
    return (
      <Screen title={t('petition.new')}>
        <LoadError message={targets.message} retry={retry} />
      </Screen>
    );
  const to = orgId || targets.value.items[0]?.id || '';

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const p = await api<PetitionDetail>('POST', '/api/v1/petitions', {
        orgId: to,
        category,
        title: title.trim(),
        body: body.trim(),
        confidential,
      });
      navigate(`/petitions/${encodeURIComponent(p.id)}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={t('petition.new')}>
      <form class="stack" onSubmit={submit}>
        <div class="field">
          <label for="pt-to">{t('petition.to')}</label>
          <select id="pt-to" value={to} onChange={(e) => setOrgId(e.currentTarget.value)}>
            {targets.value.items.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="pt-cat">{t('petition.category')}</label>
          <select id="pt-cat" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(categoryKey(c))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="pt-title">{t('petition.subject')}</label>
          <input
            id="pt-title"
            value={title}
            maxLength={200}
            required
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="pt-body">{t('petition.body')}</label>
          <textarea
            id="pt-body"
            rows={8}
            value={body}
            maxLength={10000}
            required
            onInput={(e) => setBody(e.currentTarget.value)}
          />
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={confidential}
            onChange={(e) => setConfidential(e.currentTarget.checked)}
          />
          <span>{t('petition.confidential')}</span>
        </label>
        <Alert message={error} />
        <div class="actions">
          <button class="button button-primary" type="submit" disabled={busy}>
            {t('petition.send')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
