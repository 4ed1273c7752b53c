import { describe, expect, it } from 'vitest';
import { feedItemPrefix, feedJson } from './feed-json.ts';
import type { FeedRow } from './queries.ts';

const rows: FeedRow[] = [
  {
    id: 'n1',
    section: 'province',
    title: 'Hội nghị "Ban Chấp hành" lần thứ 5 \\ kỳ họp',
    excerpt: 'Dòng một\nDòng hai\u2028',
    source: null,
    publishedAt: '2026-12-01T08:00:00.000Z',
    pinned: true,
  },
  {
    id: 'n2',
    section: 'bulletin',
    title: 'Bản tin nội bộ',
    excerpt: '',
    source: 'Báo Thái Bình',
    publishedAt: '2026-11-30T08:00:00.000Z',
    pinned: false,
  },
];

describe('feedJson', () => {
  it('writes the feed page the API describes, with each reader’s unread marks', () => {
    const prefixes = rows.map(feedItemPrefix);
    const text = feedJson(prefixes, rows, new Set(['n2']), 'next');
    expect(JSON.parse(text.toString('utf8'))).toEqual({
      items: [
        { ...rows[0], sectionName: 'Trong tỉnh', unread: true },
        { ...rows[1], sectionName: 'Bản tin nội bộ', unread: false },
      ],
      nextCursor: 'next',
    });
    // The shared prefixes are not changed by one reader's marks.
    expect(JSON.parse(feedJson(prefixes, rows, new Set(), null).toString('utf8'))).toMatchObject({
      items: [{ unread: true }, { unread: true }],
      nextCursor: null,
    });
  });

  it('writes an empty page', () => {
    expect(JSON.parse(feedJson([], [], new Set(), null).toString('utf8'))).toEqual({
      items: [],
      nextCursor: null,
    });
  });
});
