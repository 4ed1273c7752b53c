import type { Generated } from 'kysely';
import type { SearchItemType } from './index-writer.ts';

/**
 * One row per indexed item. `title_f`/`body_f` are the folded syllable streams (space-separated, document codes
 * split into their parts) that the full-text index is built from; `number_key` is the document number folded
 * and compacted ("02-NQ/TU" → "02nqtu") so it matches whole.
 */
export interface SearchItemTable {
  /** Integer key: SQLite's FTS5 rowid, PostgreSQL's bigserial; a re-indexed item gets a new one. */
  seq: Generated<number>;
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
  indexed_at: string;
  /** PostgreSQL only: the tsvector built from the folded streams (see pg-vector.ts). */
  doc?: string;
}

/** Organisation paths an item is published to (see audienceView). */
export interface SearchAudienceTable {
  item_seq: number;
  path: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    search_items: SearchItemTable;
    search_audience: SearchAudienceTable;
  }
}
