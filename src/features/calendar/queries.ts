import type { DbOrTx } from '../../platform/db/database.ts';
import { paragraphsOf } from '../documents/paragraphs.ts';

export interface CalendarItem {
  kind: 'meeting' | 'task' | 'study' | 'acknowledgement';
  id: string;
  title: string;
  /** ISO instant for meetings, YYYY-MM-DD for deadlines. */
  at: string;
  place: string | null;
  url: string;
}

/**
 * A member's calendar from 30 days ago to 180 days ahead: their branch's published meetings, deadlines of the
 * open tasks they own or contribute to, documents their branch or a higher committee gave them to study (until
 * they have marked every paragraph studied), and documents they still have to acknowledge.
 */
export async function memberCalendar(
  db: DbOrTx,
  memberId: string,
  now = new Date(),
): Promise<CalendarItem[]> {
  const from = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const to = new Date(now.getTime() + 180 * 86_400_000).toISOString();
  const member = await db
    .selectFrom('members')
    .select(['org_id', 'org_path'])
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member) return [];
  const meetings = await db
    .selectFrom('meetings')
    .select(['id', 'title', 'starts_at', 'place'])
    .where('org_id', '=', member.org_id)
    .where('status', '!=', 'draft')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .execute();
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'title', 'deadline'])
    .where('status', '=', 'open')
    .where('deadline', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('owner_member_id', '=', memberId),
        eb.exists(
          eb
            .selectFrom('task_contributors')
            .select('task_contributors.task_id')
            .whereRef('task_contributors.task_id', '=', 'tasks.id')
            .where('task_contributors.member_id', '=', memberId),
        ),
      ]),
    )
    .execute();
  // A study assignment covers the subtree of the organisation that gave it: the branch and every level above.
  const segments = member.org_path.split('/').filter(Boolean);
  const ancestors = segments.map((_, i) => `/${segments.slice(0, i + 1).join('/')}/`);
  const studies =
    ancestors.length === 0
      ? []
      : await db
          .selectFrom('study_assignments')
          .innerJoin('documents', 'documents.id', 'study_assignments.document_id')
          .select((eb) => [
            'study_assignments.id',
            'study_assignments.deadline',
            'documents.title',
            'documents.body',
            eb
              .selectFrom('study_marks')
              .select((m) => m.fn.countAll<number>().as('n'))
              .whereRef('study_marks.assignment_id', '=', 'study_assignments.id')
              .where('study_marks.member_id', '=', memberId)
              .as('studied'),
          ])
          .where('study_assignments.org_path', 'in', ancestors)
          .where('study_assignments.deadline', '>=', from.slice(0, 10))
          .where('study_assignments.deadline', '<', to.slice(0, 10))
          .execute()
          .then((rows) => rows.filter((a) => Number(a.studied ?? 0) < paragraphsOf(a.body).length));
  const acks = await db
    .selectFrom('exchange_recipients')
    .innerJoin('exchange_messages', 'exchange_messages.id', 'exchange_recipients.message_id')
    .select(['exchange_messages.id', 'exchange_messages.title', 'exchange_messages.ack_deadline'])
    .where('exchange_recipients.member_id', '=', memberId)
    .where('exchange_recipients.acknowledged_at', 'is', null)
    .where('exchange_messages.ack_deadline', 'is not', null)
    .execute();
  const items: CalendarItem[] = [
    ...meetings.map((m) => ({
      kind: 'meeting' as const,
      id: m.id,
      title: m.title,
      at: m.starts_at,
      place: m.place,
      url: `/meetings/${m.id}`,
    })),
    ...tasks.map((t) => ({
      kind: 'task' as const,
      id: t.id,
      title: `Hạn nhiệm vụ: ${t.title}`,
      at: t.deadline!,
      place: null,
      url: `/tasks/${t.id}`,
    })),
    ...studies.map((a) => ({
      kind: 'study' as const,
      id: a.id,
      title: `Hạn học tập: ${a.title}`,
      at: a.deadline,
      place: null,
      url: `/study/${a.id}`,
    })),
    ...acks.map((a) => ({
      kind: 'acknowledgement' as const,
      id: a.id,
      title: `Hạn xác nhận đã đọc: ${a.title}`,
      at: a.ack_deadline!.slice(0, 10),
      place: null,
      url: `/exchange/${a.id}`,
    })),
  ];
  return items.sort((a, b) => a.at.localeCompare(b.at));
}
