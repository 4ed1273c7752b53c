import type { Attendance } from './attendance.ts';
import type { MemberKind, MemberStatus } from './rules.ts';
import type { MeetingKind, StepKind } from './templates.ts';
import type { Instant } from './timing.ts';
import { VIETNAM_TIME_ZONE, wallClock } from './timing.ts';
import type { VoteMethod, VoteOutcome } from './vote.ts';

/**
 * The minutes (biên bản) of a branch meeting as plain data, built from the meeting record. A DOCX/PDF renderer
 * lays this out in the customary layout; `minutesToPlainText` gives the same content as Vietnamese text.
 */

export interface Person {
  name: string;
  /** Position as written in minutes, e.g. "Bí thư Chi bộ", "Đảng ủy viên, phụ trách chi bộ". */
  position?: string;
}

export interface MinutesMember {
  id: string;
  name: string;
  kind: MemberKind;
  status: MemberStatus;
}

export interface StepRecord {
  title: string;
  kind?: StepKind;
  /** What each speaker said, in order. */
  notes: { speaker?: string; text: string }[];
  /** The chair's conclusion on this item. */
  conclusion?: string;
  skipped?: boolean;
}

export interface VoteRecord {
  motion: string;
  method: VoteMethod;
  outcome: VoteOutcome;
}

export interface MinutesRecord {
  /** Top-right header; null for organisations that do not use it. Default "ĐẢNG CỘNG SẢN VIỆT NAM". */
  partyHeader?: string | null;
  /** The organisation above, e.g. "Đảng bộ xã Vũ Bình". */
  upperOrganisation?: string;
  /** e.g. "Chi bộ thôn Nguyệt Lâm 3". */
  organisation: string;
  /** Locality written before the date, e.g. "Vũ Bình". */
  locality?: string;
  meetingKind: MeetingKind;
  /** Theme of a themed meeting. */
  theme?: string;
  startedAt: Instant;
  endedAt?: Instant;
  timeZone?: string;
  place: string;
  online?: boolean;
  chair: Person;
  minuteTaker: Person;
  guests: Person[];
  members: MinutesMember[];
  attendance: Attendance;
  steps: StepRecord[];
  votes: VoteRecord[];
  conclusion?: string;
  minutesApproved?: boolean;
}

export interface LocalDateTime {
  day: number;
  month: number;
  year: number;
  hour: number;
  minute: number;
}

export interface Minutes {
  header: {
    partyHeader: string | null;
    upperOrganisation?: string;
    organisation: string;
    locality?: string;
    date: LocalDateTime;
  };
  title: string;
  subtitle: string;
  opening: {
    startedAt: LocalDateTime;
    place: string;
    online: boolean;
    meetingKind: MeetingKind;
    theme?: string;
  };
  participants: { chair: Person; minuteTaker: Person; guests: Person[] };
  attendance: {
    total: number;
    full: number;
    probationary: number;
    exemptNotAttending: number;
    transferredAwayNotAttending: number;
    present: number;
    presentRemote: number;
    presentOutsideBase: number;
    absent: number;
    absentWithReason: number;
    absentWithoutReason: number;
    unmarked: number;
    absentMembers: { name: string; reason?: string; withReason: boolean; unmarked?: boolean }[];
    base: number;
    required: number;
    quorumMet: boolean;
  };
  agenda: string[];
  items: { index: number; title: string; notes: { speaker?: string; text: string }[]; conclusion?: string }[];
  votes: (VoteRecord['outcome'] & { motion: string; method: VoteMethod; forPercent: number })[];
  conclusion?: string;
  closing: { endedAt?: LocalDateTime; approved: boolean };
  signatures: { role: string; name: string }[];
}

const KIND_WORDS: Record<MeetingKind, string> = {
  regular: 'thường kỳ',
  themed: 'chuyên đề',
  regular_and_themed: 'thường kỳ kết hợp chuyên đề',
};

export function buildMinutes(record: MinutesRecord): Minutes {
  const tz = record.timeZone ?? VIETNAM_TIME_ZONE;
  const startedAt = local(record.startedAt, tz);
  const names = new Map(record.members.map((m) => [m.id, nfc(m.name)]));
  const a = record.attendance;
  const roll = record.members.filter((m) => m.status !== 'transferred_in_temporary');

  const absentMembers = a.entries
    .filter(
      (e) =>
        e.inBase &&
        (e.state === 'absent_with_reason' || e.state === 'absent_without_reason' || e.state === 'unmarked'),
    )
    .map((e) => {
      const person: Minutes['attendance']['absentMembers'][number] = {
        name: names.get(e.memberId) ?? e.memberId,
        withReason: e.state === 'absent_with_reason',
      };
      if (e.reason) person.reason = e.reason;
      if (e.state === 'unmarked') person.unmarked = true;
      return person;
    });

  const visibleSteps = record.steps.filter((s) => !s.skipped);
  const minutes: Minutes = {
    header: {
      partyHeader: record.partyHeader === undefined ? 'ĐẢNG CỘNG SẢN VIỆT NAM' : record.partyHeader,
      organisation: nfc(record.organisation),
      date: startedAt,
    },
    title: 'BIÊN BẢN',
    subtitle: `Sinh hoạt chi bộ ${KIND_WORDS[record.meetingKind]} tháng ${startedAt.month} năm ${startedAt.year}`,
    opening: {
      startedAt,
      place: nfc(record.place),
      online: record.online === true,
      meetingKind: record.meetingKind,
    },
    participants: {
      chair: person(record.chair),
      minuteTaker: person(record.minuteTaker),
      guests: record.guests.map(person),
    },
    attendance: {
      total: roll.length,
      full: roll.filter((m) => m.kind === 'full').length,
      probationary: roll.filter((m) => m.kind === 'probationary').length,
      exemptNotAttending: a.exemptNotAttending,
      transferredAwayNotAttending: a.transferredAwayNotAttending,
      present: a.present,
      presentRemote: a.entries.filter((e) => e.inBase && e.countsAsPresent && e.remote).length,
      presentOutsideBase: a.presentOutsideBase,
      absent: a.absentWithReason + a.absentWithoutReason + a.unmarked,
      absentWithReason: a.absentWithReason,
      absentWithoutReason: a.absentWithoutReason,
      unmarked: a.unmarked,
      absentMembers,
      base: a.base,
      required: a.required,
      quorumMet: a.quorumMet,
    },
    agenda: visibleSteps.map((s) => nfc(s.title)),
    items: visibleSteps.map((s, i) => {
      const item: Minutes['items'][number] = {
        index: i + 1,
        title: nfc(s.title),
        notes: s.notes.map((n) =>
          n.speaker ? { speaker: nfc(n.speaker), text: nfc(n.text) } : { text: nfc(n.text) },
        ),
      };
      if (s.conclusion) item.conclusion = nfc(s.conclusion);
      return item;
    }),
    votes: record.votes.map((v) => ({
      ...v.outcome,
      motion: nfc(v.motion),
      method: v.method,
      forPercent: v.outcome.base === 0 ? 0 : Math.round((v.outcome.for / v.outcome.base) * 1000) / 10,
    })),
    closing: { approved: record.minutesApproved === true },
    signatures: [
      { role: 'THƯ KÝ', name: nfc(record.minuteTaker.name) },
      { role: 'CHỦ TRÌ', name: nfc(record.chair.name) },
    ],
  };
  if (record.upperOrganisation) minutes.header.upperOrganisation = nfc(record.upperOrganisation);
  if (record.locality) minutes.header.locality = nfc(record.locality);
  if (record.theme) {
    minutes.opening.theme = nfc(record.theme);
    minutes.subtitle += ` — Chuyên đề: ${nfc(record.theme)}`;
  }
  if (record.conclusion) minutes.conclusion = nfc(record.conclusion);
  if (record.endedAt !== undefined) minutes.closing.endedAt = local(record.endedAt, tz);
  return minutes;
}

/** The minutes as Vietnamese plain text, in the customary order and wording. */
export function minutesToPlainText(m: Minutes): string {
  const lines: string[] = [];
  const h = m.header;
  if (h.upperOrganisation) lines.push(upper(h.upperOrganisation));
  lines.push(upper(h.organisation));
  if (h.partyHeader) lines.push(h.partyHeader);
  lines.push(`${h.locality ? `${h.locality}, ` : ''}${dateWords(h.date)}`, '');
  lines.push(m.title, upper(m.subtitle), '');

  const o = m.opening;
  lines.push(
    `Hôm nay, vào lúc ${timeWords(o.startedAt)}, ${dateWords(o.startedAt)}, tại ${o.place}${
      o.online ? ' (kết hợp trực tuyến)' : ''
    }, ${h.organisation} tiến hành sinh hoạt ${KIND_WORDS[o.meetingKind]} tháng ${o.startedAt.month} năm ${
      o.startedAt.year
    }.`,
    '',
  );

  lines.push('I. THÀNH PHẦN');
  lines.push(`- Chủ trì: ${comrade(m.participants.chair)}.`);
  lines.push(`- Thư ký: ${comrade(m.participants.minuteTaker)}.`);
  if (m.participants.guests.length > 0) {
    lines.push(`- Khách mời: ${m.participants.guests.map(comrade).join('; ')}.`);
  }
  const at = m.attendance;
  const exempt = at.exemptNotAttending > 0 ? `; miễn sinh hoạt: ${at.exemptNotAttending} đồng chí` : '';
  lines.push(
    `- Tổng số đảng viên: ${at.total} đồng chí (chính thức: ${at.full}, dự bị: ${at.probationary})${exempt}.`,
  );
  if (at.transferredAwayNotAttending > 0) {
    lines.push(`- Sinh hoạt tạm thời ở nơi khác, không về dự: ${at.transferredAwayNotAttending} đồng chí.`);
  }
  const remote = at.presentRemote > 0 ? ` (trực tuyến: ${at.presentRemote})` : '';
  const absentParts = [`có lý do: ${at.absentWithReason}`, `không lý do: ${at.absentWithoutReason}`];
  if (at.unmarked > 0) absentParts.push(`chưa điểm danh: ${at.unmarked}`);
  lines.push(
    `- Có mặt: ${at.present} đồng chí${remote}; vắng: ${at.absent} đồng chí (${absentParts.join(', ')}).`,
  );
  if (at.absentMembers.length > 0) {
    const who = at.absentMembers.map((p) => {
      const why = p.unmarked
        ? 'chưa điểm danh'
        : p.withReason
          ? `có lý do${p.reason ? `: ${p.reason}` : ''}`
          : 'không lý do';
      return `đồng chí ${p.name} (${why})`;
    });
    lines.push(`- Đảng viên vắng mặt: ${who.join('; ')}.`);
  }
  if (at.presentOutsideBase > 0) {
    lines.push(`- Đảng viên sinh hoạt tạm thời tham dự: ${at.presentOutsideBase} đồng chí.`);
  }
  lines.push(
    `- Số đảng viên có mặt ${at.quorumMet ? 'bảo đảm' : 'không bảo đảm'} tỷ lệ theo quy định (cần ít nhất ${
      at.required
    }/${at.base} đồng chí).`,
    '',
  );

  lines.push('II. CHƯƠNG TRÌNH');
  m.agenda.forEach((title, i) => lines.push(`${i + 1}. ${title}`));
  lines.push('');

  lines.push('III. NỘI DUNG');
  for (const item of m.items) {
    lines.push(`${item.index}. ${item.title}`);
    for (const note of item.notes)
      lines.push(note.speaker ? `- Đồng chí ${note.speaker}: ${note.text}` : `- ${note.text}`);
    if (item.conclusion) lines.push(`Kết luận: ${item.conclusion}`);
  }
  lines.push('');

  if (m.votes.length > 0) {
    lines.push('IV. BIỂU QUYẾT');
    for (const v of m.votes) {
      const method = v.method === 'show_of_hands' ? 'giơ tay' : 'biểu quyết trên Sổ tay';
      lines.push(
        `- ${v.motion} (${method}): tán thành ${v.for}/${v.base} đồng chí (${percentWords(v.forPercent)}); ` +
          `không tán thành: ${v.against}; không biểu quyết: ${v.abstain}. ` +
          `Kết quả: ${v.passed ? 'thông qua' : 'không thông qua'}.`,
      );
    }
    lines.push('');
  }

  if (m.conclusion) lines.push(`${m.votes.length > 0 ? 'V' : 'IV'}. KẾT LUẬN`, m.conclusion, '');

  const end = m.closing.endedAt;
  if (end) {
    const sameDay =
      end.day === o.startedAt.day && end.month === o.startedAt.month && end.year === o.startedAt.year;
    lines.push(
      `Buổi sinh hoạt kết thúc vào lúc ${timeWords(end)} ${sameDay ? 'cùng ngày' : dateWords(end)}.`,
    );
  }
  if (m.closing.approved) {
    lines.push('Biên bản đã được đọc lại cho chi bộ nghe và nhất trí thông qua.');
  }
  lines.push('');
  lines.push(m.signatures.map((s) => s.role).join('\t\t'));
  lines.push(m.signatures.map((s) => s.name).join('\t\t'));
  return lines.join('\n').normalize('NFC');
}

function local(instant: Instant, tz: string): LocalDateTime {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a valid time: ${String(instant)}`);
  const w = wallClock(d, tz);
  return { day: w.day, month: w.month, year: w.year, hour: w.hour, minute: w.minute };
}

/** Administrative date style: days below 10 and months 1–2 take a leading zero (ngày 05 tháng 02 năm 2025). */
export function dateWords(d: { day: number; month: number; year: number }): string {
  const day = String(d.day).padStart(2, '0');
  const month = d.month <= 2 ? String(d.month).padStart(2, '0') : String(d.month);
  return `ngày ${day} tháng ${month} năm ${d.year}`;
}

export function timeWords(d: { hour: number; minute: number }): string {
  return `${d.hour} giờ ${String(d.minute).padStart(2, '0')} phút`;
}

function percentWords(p: number): string {
  return `${String(p).replace('.', ',')}%`;
}

function comrade(p: Person): string {
  return `đồng chí ${p.name}${p.position ? `, ${p.position}` : ''}`;
}

function person(p: Person): Person {
  return p.position ? { name: nfc(p.name), position: nfc(p.position) } : { name: nfc(p.name) };
}

function nfc(s: string): string {
  return s.normalize('NFC').trim();
}

function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}
