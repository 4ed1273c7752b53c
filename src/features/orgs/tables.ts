export interface OrgTypeTable {
  code: string;
  name_vi: string;
  name_en: string;
  /** Lower rank = higher in the tree; used for ordering and for validating parents. */
  rank: number;
  /** 1 when members belong directly to organisations of this type (a branch). */
  holds_members: number;
  /** JSON array of parent type codes allowed; empty array = may be a root. */
  parent_types: string;
  /** JSON object of per-type rules (meeting rules, quorum, …) read by features. */
  rules: string;
}

export interface OrgTable {
  id: string;
  parent_id: string | null;
  /** Materialised path of ids: `/rootId/…/ownId/`. */
  path: string;
  depth: number;
  type_code: string;
  name: string;
  name_folded: string;
  /** The province-level ancestor's id: the natural partition key for a country deployment. */
  province_id: string;
  status: 'active' | 'closed';
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    org_types: OrgTypeTable;
    orgs: OrgTable;
  }
}
