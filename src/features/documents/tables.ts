export interface DocumentTable {
  id: string;
  kind: string;
  /** Document number as printed, e.g. "02-NQ/TU"; with the date and the issuer it identifies the document. */
  number: string | null;
  issued_on: string | null;
  issuer: string;
  level: string;
  title: string;
  title_folded: string;
  summary: string | null;
  body: string;
  /** Attachment the body text was taken from when no body was typed. */
  body_file_id: string | null;
  /** File name the document was imported from. */
  source_name: string | null;
  /** Year for browsing (issued year, else the creation year). */
  year: number;
  /** Issued date or creation date: the order of the library. */
  sort_date: string;
  org_id: string;
  org_path: string;
  status: 'published' | 'withdrawn';
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentAudienceTable {
  document_id: string;
  audience_path: string;
}

export interface DocumentFileTable {
  id: string;
  document_id: string;
  file_key: string;
  file_name: string;
  mime: string;
  size: number;
  text_status: 'ok' | 'empty' | 'failed';
  text_error: string | null;
  text: string;
  created_at: string;
}

export interface DocumentBookmarkTable {
  account_id: string;
  document_id: string;
  created_at: string;
}

export interface DocumentReadTable {
  account_id: string;
  document_id: string;
  opened_at: string;
  finished_at: string | null;
}

/** Moved by triggers on every change a document page shows (kept-documents.ts). */
export interface DocumentsStampTable {
  id: number;
  value: number;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    documents_stamp: DocumentsStampTable;
    documents: DocumentTable;
    document_audience: DocumentAudienceTable;
    document_files: DocumentFileTable;
    document_bookmarks: DocumentBookmarkTable;
    document_reads: DocumentReadTable;
  }
}
