import type { Principal } from '../../platform/permissions/check.ts';
import type { ParsedQuery } from './query.ts';
import type { SearchHit } from './service.ts';

/**
 * A source of private items (a member's own encrypted notebook) that are never put in the shared index. It is
 * asked only for signed-in people, with their own principal, and must return only that person's items; its hits
 * are merged with the index's and ranked with the same scoreItem (see README.md).
 */
export interface PrivateSearchSource {
  /** Stable name, shown as the hit's `type`-like origin in logs; also the key for replacing a source. */
  name: string;
  search(input: { principal: Principal; query: ParsedQuery; limit: number }): Promise<SearchHit[]>;
}

const sources = new Map<string, PrivateSearchSource>();

export function registerPrivateSearchSource(source: PrivateSearchSource): () => void {
  sources.set(source.name, source);
  return () => {
    if (sources.get(source.name) === source) sources.delete(source.name);
  };
}

export function privateSearchSources(): PrivateSearchSource[] {
  return [...sources.values()];
}
