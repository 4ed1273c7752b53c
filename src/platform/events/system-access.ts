import { AppError } from '../errors.ts';
import type { Principal } from '../permissions/check.ts';
import { ROLE_PERMISSIONS } from '../permissions/roles.ts';

/** System diagnostics are for administrators of a whole tree: `audit.read` granted on a top-level organisation. */
export function requireSystemAdmin(principal: Principal): void {
  const ok = principal.grants.some(
    (g) =>
      !g.implicit &&
      g.orgPath.split('/').filter(Boolean).length === 1 &&
      ROLE_PERMISSIONS[g.role].has('audit.read'),
  );
  if (!ok) throw new AppError('FORBIDDEN');
}
