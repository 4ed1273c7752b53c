import { sql, type RawBuilder } from 'kysely';
import { subtreeBounds, type AudienceView } from '../../platform/permissions/check.ts';

/**
 * SQL condition "the audience path in `column` is visible in this view", per the rule in
 * src/platform/permissions/check.ts: the path is an ancestor-or-self of a grant, or lies inside a grant's subtree.
 * Both forms use the (audience_path, item_id) index: an IN list and one range per subtree.
 */
export function audienceSql(column: string, view: AudienceView): RawBuilder<boolean> {
  const col = sql.ref(column);
  const parts: RawBuilder<unknown>[] = [];
  if (view.ancestors.length > 0) parts.push(sql`${col} in (${sql.join(view.ancestors)})`);
  for (const s of view.subtrees) {
    const [lo, hi] = subtreeBounds(s);
    parts.push(sql`(${col} >= ${lo} and ${col} < ${hi})`);
  }
  if (parts.length === 0) return sql<boolean>`1 = 0`;
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/** Paths without nested duplicates (a subtree already covered by another is dropped). */
export function outermostPaths(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  const out: string[] = [];
  for (const p of sorted) if (!out.some((o) => p.startsWith(o))) out.push(p);
  return out;
}

/** SQL condition "the path in `column` lies inside one of these subtrees". */
export function insideSql(column: string, paths: string[]): RawBuilder<boolean> {
  const col = sql.ref(column);
  if (paths.length === 0) return sql<boolean>`1 = 0`;
  const parts = paths.map((p) => {
    const [lo, hi] = subtreeBounds(p);
    return sql`(${col} >= ${lo} and ${col} < ${hi})`;
  });
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}
