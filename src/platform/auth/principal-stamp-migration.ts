import type { Kysely, Migration } from 'kysely';
import { createStamp, type WatchedTable } from '../db/stamp-triggers.ts';

/**
 * What the signed-in principal is made of, and which changes of it must empty the principal caches: the table,
 * the columns whose change matters (for updates), and whether an insert matters. An insert into accounts,
 * members, orgs or sessions cannot change a principal already built (nothing refers to the new row yet); a grant
 * or a pending second step can.
 */
const WATCHED: WatchedTable[] = [
  { table: 'sessions', columns: ['account_id', 'expires_at'], onInsert: false },
  { table: 'pending_second_factor', columns: ['session_id', 'account_id', 'state'], onInsert: true },
  { table: 'two_factor', columns: ['account_id', 'enabled_at'], onInsert: true },
  {
    table: 'accounts',
    columns: ['login', 'member_id', 'password_hash', 'must_change_password', 'preferences', 'disabled_at'],
    onInsert: false,
  },
  { table: 'members', columns: ['org_id', 'org_path', 'host_org_id', 'erased_at'], onInsert: false },
  { table: 'orgs', columns: ['path', 'status'], onInsert: false },
  { table: 'role_grants', columns: ['account_id', 'org_id', 'role'], onInsert: true },
];

/**
 * `principal_stamp`: one counter bumped by database triggers in the transaction of every change listed above,
 * whoever makes it (a route, a job, the CLI in another process). A process keeps principals only while the
 * counter it read is unchanged (src/platform/auth/principal-cache.ts).
 */
export const principalStampMigrations: Record<string, Migration> = {
  '20261207_10_auth_principal_stamp': {
    async up(db: Kysely<unknown>) {
      await createStamp(db, 'principal_stamp', WATCHED, 'principal');
    },
  },
};
