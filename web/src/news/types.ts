export type Section = 'international' | 'national' | 'province' | 'bulletin';
export const SECTIONS: Section[] = ['international', 'national', 'province', 'bulletin'];

export interface FeedItem {
  id: string;
  section: Section;
  sectionName: string;
  title: string;
  excerpt: string;
  source: string | null;
  publishedAt: string;
  pinned: boolean;
  unread: boolean;
}

export interface FeedPage {
  items: FeedItem[];
  nextCursor: string | null;
}

export interface Article {
  id: string;
  section: Section;
  sectionName: string;
  title: string;
  bodyHtml: string;
  source: string | null;
  sourceUrl: string | null;
  orgId: string;
  orgName: string;
  audience: Array<{ id: string; name: string }>;
  status: string;
  publishAt: string;
  scheduled: boolean;
  pinned: boolean;
  readAt: string | null;
  canManage: boolean;
}

/** The article without what is personal (reading time, editor rights), for the copy kept offline. */
export function articleContent(a: Article): Article {
  return { ...a, readAt: null, canManage: false };
}
