export interface NewsTable {
  id: string;
  section: 'international' | 'national' | 'province' | 'bulletin';
  title: string;
  /** Plain-text opening shown in the feed (the feed never sends bodies). */
  excerpt: string;
  /** Sanitised HTML. */
  body_html: string;
  body_text: string;
  /** Where the item comes from, e.g. "Báo Thái Bình"; null for the committee's own bulletin. */
  source: string | null;
  source_url: string | null;
  org_id: string;
  org_path: string;
  status: 'published' | 'unpublished';
  /** When the item becomes visible; later than now = scheduled. */
  publish_at: string;
  pinned: number;
  /** 1 once the live item is in the search index (scheduled items are indexed when they go live). */
  indexed: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewsAudienceTable {
  news_id: string;
  audience_path: string;
}

export interface NewsReadTable {
  account_id: string;
  news_id: string;
  read_at: string;
}

/** A single row (id 1): see feed-stamp.ts. */
export interface NewsFeedStampTable {
  id: number;
  value: number;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    news: NewsTable;
    news_feed_stamp: NewsFeedStampTable;
    news_audience: NewsAudienceTable;
    news_reads: NewsReadTable;
  }
}
