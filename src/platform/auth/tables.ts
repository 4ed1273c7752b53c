export interface AccountTable {
  id: string;
  /** Lower-case login name (admin, bithu); members may also log in with phone or party card number. */
  login: string;
  member_id: string | null;
  password_hash: string;
  must_change_password: number;
  preferences: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database does not give working cookies. */
  id: string;
  account_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

export interface RoleGrantTable {
  id: string;
  account_id: string;
  org_id: string;
  role: string;
  granted_at: string;
  granted_by: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  count: number;
}

/** One row (id 1): bumped by triggers whenever anything a principal is built from changes. */
export interface PrincipalStampTable {
  id: number;
  value: number;
}

declare module '../db/schema.ts' {
  interface DB {
    principal_stamp: PrincipalStampTable;
    accounts: AccountTable;
    sessions: SessionTable;
    role_grants: RoleGrantTable;
    rate_limits: RateLimitTable;
  }
}
