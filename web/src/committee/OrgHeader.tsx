import type { Org } from '../api/types.ts';
import { t } from '../i18n/i18n.ts';

/**
 * The way up the tree: the ancestors the viewer may see, and the organisation itself when the current
 * screen is one of its sub-pages (members, import). The screen's h1 names the current page.
 */
export function Breadcrumbs(props: { org: Org; subPage?: boolean }) {
  const { org } = props;
  const trail = props.subPage ? [...org.ancestors, { id: org.id, name: org.name }] : org.ancestors;
  if (trail.length === 0) return null;
  return (
    <nav aria-label={t('nav.breadcrumbs')} class="crumbs">
      <ol>
        {trail.map((a) => (
          <li key={a.id}>
            <a href={`/orgs/${encodeURIComponent(a.id)}`}>{a.name}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
