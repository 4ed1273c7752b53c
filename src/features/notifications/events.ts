/**
 * The bus topics notifications listen to, grouped into the event kinds members choose in their preferences.
 * Other features emit these topics after commit; the payload contract is in README.md.
 */
export const EVENT_KINDS = [
  'content',
  'meeting',
  'comment',
  'petition',
  'task',
  'report',
  'contest',
  'exchange',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const TOPICS: Array<{ pattern: string; kind: EventKind }> = [
  { pattern: 'news.published', kind: 'content' },
  { pattern: 'documents.published', kind: 'content' },
  { pattern: 'document.published', kind: 'content' },
  { pattern: 'materials.published', kind: 'content' },
  { pattern: 'meeting.*', kind: 'meeting' },
  { pattern: 'comment.answered', kind: 'comment' },
  { pattern: 'petition.answered', kind: 'petition' },
  { pattern: 'petition.overdue', kind: 'petition' },
  { pattern: 'task.due', kind: 'task' },
  { pattern: 'report.returned', kind: 'report' },
  { pattern: 'contest.starting', kind: 'contest' },
  { pattern: 'exchange.reminder', kind: 'exchange' },
];

export const EVENT_KIND_NAMES_VI: Record<EventKind, string> = {
  content: 'Tài liệu, tin tức, văn bản mới',
  meeting: 'Họp chi bộ (nhắc lịch, chuyển bước)',
  comment: 'Góp ý được trả lời',
  petition: 'Kiến nghị được trả lời',
  task: 'Nhiệm vụ đến hạn',
  report: 'Báo cáo bị trả lại',
  contest: 'Cuộc thi sắp bắt đầu',
  exchange: 'Nhắc việc trao đổi văn bản',
};

/** What a notifying event carries (see README.md). Unknown fields are ignored. */
export interface NotifyPayload {
  title: string;
  body?: string;
  url?: string;
  /** Organisation paths: every member with an account in these subtrees. */
  audience?: string[];
  orgPath?: string;
  memberIds?: string[];
  accountIds?: string[];
  /** Stable id of the event (e.g. `news:<id>`): the same event published twice notifies once. */
  eventId?: string;
}

export function kindOfTopic(topic: string): EventKind | null {
  for (const t of TOPICS) {
    if (t.pattern.endsWith('.*') ? topic.startsWith(t.pattern.slice(0, -1)) : t.pattern === topic)
      return t.kind;
  }
  return null;
}

function strings(v: unknown, max: number): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, max) : [];
}

/** Reads an event payload defensively: a malformed event notifies nobody rather than failing the queue. */
export function parsePayload(raw: Record<string, unknown>): NotifyPayload | null {
  const title = typeof raw.title === 'string' ? raw.title.trim().slice(0, 300) : '';
  if (!title) return null;
  const audience = strings(raw.audience, 1000);
  if (typeof raw.orgPath === 'string') audience.push(raw.orgPath);
  return {
    title,
    body: typeof raw.body === 'string' ? raw.body.slice(0, 1000) : undefined,
    url: typeof raw.url === 'string' && raw.url.startsWith('/') ? raw.url.slice(0, 500) : undefined,
    audience: audience.filter((p) => /^\/([\w-]+\/)+$/.test(p)),
    memberIds: strings(raw.memberIds, 100_000),
    accountIds: strings(raw.accountIds, 100_000),
    eventId: typeof raw.eventId === 'string' ? raw.eventId.slice(0, 200) : undefined,
  };
}
