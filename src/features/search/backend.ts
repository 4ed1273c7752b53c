import { sql, type RawBuilder } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database.ts';
import { subtreeBounds, type AudienceView } from '../../platform/permissions/check.ts';
import type { SearchItemType, SearchLevel } from './index-writer.ts';
import type { ParsedQuery } from './query.ts';
import { sqliteBackend } from './sqlite-backend.ts';
import { postgresBackend } from './postgres-backend.ts';

export interface SearchFilters {
  types?: SearchItemType[];
  level?: SearchLevel;
  /** Inclusive dates, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
}

/** An indexed item the back end found, with what the shared ranker needs. */
export interface Candidate {
  type: SearchItemType;
  id: string;
  title: string;
  body: string;
  number: string | null;
  numberKey: string | null;
  level: string | null;
  date: string;
  source: string | null;
  url: string;
  titleF: string;
  bodyF: string;
}

/**
 * A full-text back end finds candidates: items the viewer may see, passing the filters, holding all query terms
 * (`all`) or any of them (`any`), best first by the engine's own rank. Final ranking is shared (rank.ts), so both
 * back ends order results the same way.
 */
export interface SearchBackend {
  candidates(
    db: Db,
    q: ParsedQuery,
    mode: 'all' | 'any',
    view: AudienceView,
    filters: SearchFilters,
    limit: number,
  ): Promise<Candidate[]>;
}

export function backendFor(dialect: Dialect): SearchBackend {
  return dialect === 'postgres' ? postgresBackend : sqliteBackend;
}

/**
 * The permission and filter conditions on `i` (search_items), shared by both back ends. The audience rule is
 * audienceView's: an audience path among the viewer's ancestors, or inside one of the viewer's subtrees.
 */
export function itemConditions(view: AudienceView, filters: SearchFilters): RawBuilder<unknown> {
  const audience: RawBuilder<unknown>[] = [];
  if (view.ancestors.length > 0) audience.push(sql`a.path in (${sql.join(view.ancestors)})`);
  for (const s of view.subtrees) {
    const [lo, hi] = subtreeBounds(s);
    audience.push(sql`(a.path >= ${lo} and a.path < ${hi})`);
  }
  const parts: RawBuilder<unknown>[] = [
    sql`exists (select 1 from search_audience a where a.item_seq = i.seq and (${sql.join(audience, sql` or `)}))`,
  ];
  if (filters.types && filters.types.length > 0) parts.push(sql`i.type in (${sql.join(filters.types)})`);
  if (filters.level) parts.push(sql`i.level = ${filters.level}`);
  if (filters.from) parts.push(sql`i.date >= ${filters.from}`);
  // `date` may be a date or a timestamp: everything on the last day is included.
  if (filters.to) parts.push(sql`i.date < ${`${filters.to}\uffff`}`);
  return sql.join(parts, sql` and `);
}

export interface CandidateRow {
  type: SearchItemType;
  item_id: string;
  title: string;
  body: string;
  number: string | null;
  number_key: string | null;
  level: string | null;
  date: string;
  source: string | null;
  url: string;
  title_f: string;
  body_f: string;
}

export function toCandidate(r: CandidateRow): Candidate {
  return {
    type: r.type,
    id: r.item_id,
    title: r.title,
    body: r.body,
    number: r.number,
    numberKey: r.number_key,
    level: r.level,
    date: r.date,
    source: r.source,
    url: r.url,
    titleF: r.title_f,
    bodyF: r.body_f,
  };
}

export const CANDIDATE_COLUMNS = sql.raw(
  'i.type, i.item_id, i.title, i.body, i.number, i.number_key, i.level, i.date, i.source, i.url, i.title_f, i.body_f',
);
