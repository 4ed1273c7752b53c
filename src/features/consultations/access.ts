import type { Principal } from '../../platform/permissions/check.ts';
import { ROLE_PERMISSIONS } from '../../platform/permissions/roles.ts';

/**
 * What a person may do in a consultation of the subtree at `path`:
 * - `owner`: publishes content on that organisation or above it — reads everything, answers comments, exports;
 * - `compiler`: a committee inside the subtree — reads what its own subtree said and forwards a summary up;
 * - `participant`: a member whose branch lies in the subtree — comments and answers, sees their own;
 * - `null`: nothing (the consultation is not shown at all).
 */
export interface ConsultationRole {
  owner: boolean;
  /** Paths of the committees inside the subtree the person compiles for. */
  compilerPaths: string[];
  /** The person's own branch path when they take part as a member. */
  participantPath: string | null;
}

export function roleIn(principal: Principal, path: string): ConsultationRole | null {
  const publishes = principal.grants.filter(
    (g) => !g.implicit && ROLE_PERMISSIONS[g.role].has('content.publish'),
  );
  const owner = publishes.some((g) => path.startsWith(g.orgPath));
  const compilerPaths = publishes
    .filter((g) => g.orgPath !== path && g.orgPath.startsWith(path))
    .map((g) => g.orgPath);
  const branch = principal.grants.find(
    (g) => g.implicit && g.role === 'member' && g.orgPath.startsWith(path),
  );
  const participantPath = principal.memberId && branch ? branch.orgPath : null;
  if (!owner && compilerPaths.length === 0 && !participantPath) return null;
  return { owner, compilerPaths, participantPath };
}

/** Whether the person may read what was said by someone whose branch is at `authorPath`. */
export function canReadFrom(role: ConsultationRole, authorPath: string): boolean {
  return role.owner || role.compilerPaths.some((p) => authorPath.startsWith(p));
}
