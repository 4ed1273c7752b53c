import type { AppContext, UnitOfWork } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { Feature } from '../../platform/http/types.ts';

/** Whose data: the account and, when the account belongs to one, the member profile (either may be absent). */
export interface DataSubject {
  accountId: string | null;
  memberId: string | null;
}

/** One named part of a feature's export: a list of records or a single record (null when there is none). */
export type PersonalDataPart = Array<Record<string, unknown>> | Record<string, unknown> | null;

/**
 * What one feature holds about a member (Decree 13/2023/NĐ-CP, art. 14 and 16). Every feature whose tables
 * have a member or account column registers one as `personalData` in its feature definition;
 * `registry.test.ts` fails when one is missing or does not name one of those tables.
 */
export interface PersonalDataContributor {
  /** Heading of the feature's section in the export and the PDF, in Vietnamese. */
  title: string;
  /** Every table of the feature with a member- or account-linked column, each handled by collect and erase. */
  tables: readonly string[];
  /** Only the subject's own data, as plain JSON: parts by name (`notes`, `comments`, …). */
  collect(ctx: AppContext, db: DbOrTx, subject: DataSubject): Promise<Record<string, PersonalDataPart>>;
  /**
   * Erases or anonymises the subject's part inside the erasure's transaction. Records the organisation must
   * keep (meeting attendance, votes, minutes, official documents) stay, pointing at the anonymised member.
   */
  erase(uow: UnitOfWork, subject: DataSubject, ctx: AppContext): Promise<void>;
  /**
   * Deletes what erasure kept but the organisation no longer needs once the retention period for erased
   * members has passed (never meeting records). Returns how many rows went.
   */
  purgeErased?(db: DbOrTx, subject: DataSubject): Promise<number>;
  /**
   * Deletes the feature's rows older than the retention period the root administrator set for `key`
   * (`before` is the cut-off, an ISO time). Returns how many rows went.
   */
  expire?: Partial<Record<RetentionKey, (db: DbOrTx, before: string, now: Date) => Promise<number>>>;
}

/** What the retention settings cover (see retention.ts for the defaults and docs/security.md for the reasons). */
export const RETENTION_KEYS = ['sessions', 'notifications', 'reads', 'erased'] as const;
export type RetentionKey = (typeof RETENTION_KEYS)[number];

declare module '../../platform/http/types.ts' {
  interface Feature {
    /** What the feature holds about a member: exported to them, erased when they depart. */
    personalData?: PersonalDataContributor;
  }
}

export interface RegisteredContributor extends PersonalDataContributor {
  feature: string;
}

/** The contributors of the composed features, in composition order (platform tables first). */
export function contributorsOf(features: readonly Feature[]): RegisteredContributor[] {
  return features.flatMap((f) => (f.personalData ? [{ ...f.personalData, feature: f.name }] : []));
}

/** Text that replaces an erased member's own words where the row itself must stay (threads, records). */
export const ERASED_TEXT = '[Nội dung đã xóa theo yêu cầu xóa dữ liệu cá nhân]';
export const ERASED_NAME = 'Đảng viên đã xóa dữ liệu';

/** A stored JSON column for the export: its value, or `{}` when it does not parse. */
export function storedJson(text: string | null): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}
