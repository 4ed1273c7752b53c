export interface RetentionSettingTable {
  key: string;
  days: number;
  updated_at: string;
}

export interface PrivacyErasureTable {
  member_id: string;
  account_id: string | null;
  erased_at: string;
  /** When the leftovers kept after erasure were deleted at the end of their retention period. */
  purged_at: string | null;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    retention_settings: RetentionSettingTable;
    privacy_erasures: PrivacyErasureTable;
  }
}
