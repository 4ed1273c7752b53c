export interface TwoFactorTable {
  account_id: string;
  /** Base32 TOTP secret; shared with the authenticator app, so it is stored as is (see docs/security.md). */
  secret: string;
  /** Null until the first code was confirmed: an unconfirmed secret protects nothing. */
  enabled_at: string | null;
  /** Last accepted time step: a code is accepted once. */
  last_step: number;
  created_at: string;
}

export interface RecoveryCodeTable {
  id: string;
  account_id: string;
  code_hash: string;
  used_at: string | null;
}

/** A session signed in with the password only: it may do nothing but the second step (or enrol). */
export interface PendingSecondFactorTable {
  session_id: string;
  account_id: string;
  /** `verify`: enter a code; `enrol`: the account's roles require two-factor and it has none yet. */
  state: string;
  created_at: string;
}

declare module '../db/schema.ts' {
  interface DB {
    two_factor: TwoFactorTable;
    two_factor_recovery_codes: RecoveryCodeTable;
    pending_second_factor: PendingSecondFactorTable;
  }
}
