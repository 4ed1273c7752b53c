// Who may do what with reports: the reporting organisation submits (report.submit on it), any committee
// over it reviews (report.review on its parent, so a branch cannot approve its own report).

import type { Principal } from '../../platform/permissions/check.ts';
import { can } from '../../platform/permissions/check.ts';
import { notFound } from '../../platform/errors.ts';

export function parentPath(path: string): string | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length < 2 ? null : `/${ids.slice(0, -1).join('/')}/`;
}

export function canSubmit(p: Principal, orgPath: string): boolean {
  return can(p, 'report.submit', orgPath);
}

export function canReview(p: Principal, orgPath: string): boolean {
  const parent = parentPath(orgPath);
  return parent !== null && can(p, 'report.review', parent);
}

/** Views of an organisation's numbers: its own reporters and the committees over it. */
export function canView(p: Principal, orgPath: string): boolean {
  return can(p, 'report.review', orgPath) || can(p, 'report.submit', orgPath);
}

export function requireView(p: Principal, orgPath: string): void {
  // Outside one's subtree a report or an organisation does not exist, as elsewhere in the API.
  if (!canView(p, orgPath) && !canReview(p, orgPath)) throw notFound();
}
