/** A note: everything the owner wrote is in `sealed`; the other columns hold no note content. */
export interface NotebookNoteTable {
  id: string;
  owner_account_id: string;
  /** AES-256-GCM under the owner's key: title, rich text, tags, link and highlight. */
  sealed: string;
  /** HMAC of the linked item under the owner's link key, or null: "my notes on this document". */
  link_ref: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    notebook_notes: NotebookNoteTable;
  }
}
