export interface DocumentSummary {
  id: string;
  kind: string;
  kindName: string;
  number: string | null;
  issuedOn: string | null;
  issuer: string;
  level: string;
  levelName: string;
  title: string;
  summary: string | null;
  year: number;
  bookmarked: boolean;
  openedAt: string | null;
  finishedAt: string | null;
}

export interface DocumentDetail extends DocumentSummary {
  status: string;
  paragraphs: Array<{ id: string; text: string }>;
  files: Array<{
    id: string;
    fileName: string;
    mime: string;
    size: number;
    textStatus: string;
    textError: string | null;
    url: string;
  }>;
  canManage: boolean;
}

export interface Facet {
  value: string;
  name: string;
  count: number;
}

/** The document without what is personal (bookmark, reading marks, manager rights), for the offline copy. */
export function documentContent(d: DocumentDetail): DocumentDetail {
  return { ...d, bookmarked: false, openedAt: null, finishedAt: null, canManage: false };
}
