export interface NoteLink {
  type: string;
  id: string;
  paragraph: string | null;
  label: string | null;
}

export interface NoteSummary {
  id: string;
  title: string;
  excerpt: string;
  tags: string[];
  link: NoteLink | null;
  quote: string | null;
  updatedAt: string;
  snippet?: string;
}

export interface Note {
  id: string;
  title: string;
  html: string;
  tags: string[];
  link: NoteLink | null;
  quote: string | null;
  createdAt: string;
  updatedAt: string;
}

export const LINK_PATHS: Record<string, string> = {
  document: '/documents/',
  meeting: '/meetings/',
  task: '/tasks/',
  news: '/news/',
};
