/**
 * The database schema type. Each feature adds its tables by module augmentation in its own `tables.ts`:
 *
 *   declare module '../../platform/db/schema.ts' { interface DB { news: NewsTable } }
 *
 * Conventions (same on SQLite and PostgreSQL): ids are UUIDv7 text; timestamps are ISO-8601 UTC text
 * (`2026-11-22T10:00:00.000Z`), dates are `YYYY-MM-DD` text; booleans are integers 0/1; JSON is text.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DB {}
