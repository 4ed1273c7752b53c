import type { Org } from '../api/types.ts';
import { t } from '../i18n/i18n.ts';

/** Breadcrumbs from the top of the visible tree down to `org`; the last crumb is the current page. */
export function Breadcrumbs(props: { org: Org; current?: boolean; extra?: string }) {
  const { org } = props;
  const href = (id: string) => `/orgs/${encodeURIComponent(id)}`;
  const last = !props.extra;
  return (
    <nav aria-label={t('nav.breadcrumbs')} class="crumbs">
      <ol>
        {org.ancestors.map((a) => (
          <li key={a.id}>
            <a href={href(a.id)}>{a.name}</a>
          </li>
        ))}
        <li>{last ? <span aria-current="page">{org.name}</span> : <a href={href(org.id)}>{org.name}</a>}</li>
        {props.extra && (
          <li>
            <span aria-current="page">{props.extra}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}
