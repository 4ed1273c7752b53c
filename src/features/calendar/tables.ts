/** One private feed per account: only the sha256 of the token is stored, so the database does not give it away. */
export interface CalendarFeedTable {
  account_id: string;
  token_hash: string;
  created_at: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    calendar_feeds: CalendarFeedTable;
  }
}
