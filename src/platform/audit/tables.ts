import type { Generated } from 'kysely';

export interface AuditTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor_account_id: string | null;
  /** "assisted" when a secretary acts for a member without a phone. */
  on_behalf_of_member_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  org_path: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

declare module '../db/schema.ts' {
  interface DB {
    audit_log: AuditTable;
  }
}
