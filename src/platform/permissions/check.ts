import { AppError } from '../errors.ts';
import { ROLE_PERMISSIONS, type Permission, type Role } from './roles.ts';

export interface Grant {
  role: Role;
  orgId: string;
  orgPath: string;
  /** Implicit grants come from the member's own branch, not from role_grants. */
  implicit: boolean;
}

export interface Principal {
  accountId: string;
  memberId: string | null;
  grants: Grant[];
}

/** True when some grant covers `targetPath` (the target lies in the grant's subtree) and carries the permission. */
export function can(principal: Principal, permission: Permission, targetPath: string): boolean {
  return principal.grants.some(
    (g) => targetPath.startsWith(g.orgPath) && ROLE_PERMISSIONS[g.role].has(permission),
  );
}

export function requirePermission(principal: Principal, permission: Permission, targetPath: string): void {
  if (!can(principal, permission, targetPath)) throw new AppError('FORBIDDEN');
}

/**
 * The subtree roots where the principal holds the permission, without nested duplicates: list queries filter
 * with "path under any of these".
 */
export function scopesFor(principal: Principal, permission: Permission): string[] {
  const paths = principal.grants
    .filter((g) => ROLE_PERMISSIONS[g.role].has(permission))
    .map((g) => g.orgPath)
    .sort();
  const out: string[] = [];
  for (const p of paths) if (!out.some((o) => p.startsWith(o))) out.push(p);
  return out;
}

export function permissionsOf(principal: Principal): Permission[] {
  const all = new Set<Permission>();
  for (const g of principal.grants) for (const p of ROLE_PERMISSIONS[g.role]) all.add(p);
  return [...all].sort();
}

/** `path >= X and path < X'` where X' is X with its trailing '/' replaced by '0' (next byte). */
export function subtreeBounds(path: string): [string, string] {
  return [path, path.slice(0, -1) + '0'];
}

/**
 * Which audience paths a principal may see content of. Content published to a subtree P is for the members of
 * P and for the committees over it, so P is visible when a grant lies inside P (`ancestors` holds every
 * ancestor-or-self path of the grants) or when P lies inside a grant's subtree (`subtrees`).
 * SQL filters: `audience_path in (ancestors) or audience_path between subtreeBounds(s) for s in subtrees`.
 */
export interface AudienceView {
  readonly ancestors: readonly string[];
  readonly subtrees: readonly string[];
}

// Views of principals that cannot change (the frozen ones the principal cache hands to every request of a
// session), so a feed or document request does not work out the same view again.
const views = new WeakMap<Principal, Map<Permission, AudienceView>>();

export function audienceView(principal: Principal, permission: Permission = 'content.read'): AudienceView {
  if (!Object.isFrozen(principal) || !Object.isFrozen(principal.grants))
    return buildView(principal, permission);
  let byPermission = views.get(principal);
  if (!byPermission) views.set(principal, (byPermission = new Map()));
  let view = byPermission.get(permission);
  if (!view) {
    const built = buildView(principal, permission);
    view = Object.freeze({
      ancestors: Object.freeze(built.ancestors),
      subtrees: Object.freeze(built.subtrees),
    });
    byPermission.set(permission, view);
  }
  return view;
}

function buildView(principal: Principal, permission: Permission): AudienceView {
  const subtrees = scopesFor(principal, permission);
  const ancestors = new Set<string>();
  for (const g of principal.grants) {
    if (!ROLE_PERMISSIONS[g.role].has(permission)) continue;
    const ids = g.orgPath.split('/').filter(Boolean);
    for (let i = 1; i <= ids.length; i++) ancestors.add(`/${ids.slice(0, i).join('/')}/`);
  }
  return { ancestors: [...ancestors].sort(), subtrees };
}

export function canSeeAudience(view: AudienceView, audience: readonly string[]): boolean {
  return audience.some((p) => view.ancestors.includes(p) || view.subtrees.some((s) => p.startsWith(s)));
}
