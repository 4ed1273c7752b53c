import { describe, expect, it } from 'vitest';
import { computeAttendance } from './attendance.ts';
import type { MinutesMember, MinutesRecord } from './minutes.ts';
import { buildMinutes, dateWords, minutesToPlainText, timeWords } from './minutes.ts';
import { meetingRules } from './rules.ts';
import { tallyVote } from './vote.ts';

const rules = meetingRules();
// Names of Chi bộ thôn Nguyệt Lâm 3 (seed 001) with invented companions.
const members: MinutesMember[] = [
  { id: 'xuyen', name: 'Đỗ Thị Xuyến', kind: 'full', status: 'active' },
  { id: 'nhung', name: 'Phan Thị Nhung', kind: 'full', status: 'active' },
  { id: 'hung', name: 'Nguyễn Văn Hùng', kind: 'full', status: 'active' },
  { id: 'lan', name: 'Trần Thị Lan', kind: 'full', status: 'working_away' },
  { id: 'tuan', name: 'Vũ Minh Tuấn', kind: 'full', status: 'active' },
  { id: 'hoa', name: 'Bùi Thị Hoa', kind: 'full', status: 'active' },
  { id: 'duc', name: 'Phạm Văn Đức', kind: 'probationary', status: 'active' },
  { id: 'thinh', name: 'Đặng Văn Thịnh', kind: 'full', status: 'exempt' },
  { id: 'guest', name: 'Lê Quang Khải', kind: 'full', status: 'transferred_in_temporary' },
];
const attendance = computeAttendance(
  members,
  [
    { memberId: 'xuyen', mark: 'present' },
    { memberId: 'nhung', mark: 'present' },
    { memberId: 'hung', mark: 'present' },
    { memberId: 'lan', mark: 'present', remote: true },
    { memberId: 'duc', mark: 'present' },
    { memberId: 'guest', mark: 'present' },
    { memberId: 'tuan', mark: 'absent_with_reason', reason: 'Đi công tác tỉnh Nam Định' },
    { memberId: 'hoa', mark: 'absent_without_reason' },
  ],
  rules,
);
const outcome = tallyVote({
  votes: { for: 4, against: 0, abstain: 0 },
  eligibleBase: attendance.voteBase,
  rules,
});

const record: MinutesRecord = {
  upperOrganisation: 'Đảng bộ xã Vũ Bình',
  organisation: 'Chi bộ thôn Nguyệt Lâm 3',
  locality: 'Vũ Bình',
  meetingKind: 'regular',
  startedAt: '2025-02-05T19:30:00+07:00',
  endedAt: '2025-02-05T21:05:00+07:00',
  place: 'Nhà văn hóa thôn Nguyệt Lâm 3',
  online: true,
  chair: { name: 'Đỗ Thị Xuyến', position: 'Bí thư Chi bộ' },
  minuteTaker: { name: 'Phan Thị Nhung' },
  guests: [{ name: 'Nguyễn Thị Mai', position: 'Đảng ủy viên, phụ trách chi bộ' }],
  members,
  attendance,
  steps: [
    { title: 'Điểm danh', kind: 'roll_call', notes: [] },
    {
      title: 'Đánh giá kết quả tháng trước',
      kind: 'review',
      notes: [
        { speaker: 'Nguyễn Văn Hùng', text: 'Đề nghị đẩy nhanh tiến độ thu hoạch lúa mùa.' },
        { text: 'Chi bộ thống nhất đánh giá.' },
      ],
      conclusion: 'Hoàn thành 95% chỉ tiêu tháng.',
    },
    { title: 'Đánh giá chất lượng buổi sinh hoạt', kind: 'quality_score', notes: [], skipped: true },
    { title: 'Biểu quyết thông qua nghị quyết', kind: 'vote', notes: [] },
  ],
  votes: [{ motion: 'Thông qua Nghị quyết chi bộ tháng 02 năm 2025', method: 'show_of_hands', outcome }],
  conclusion: 'Đề nghị các đồng chí đảng viên thực hiện tốt nhiệm vụ được phân công.',
  minutesApproved: true,
};

describe('buildMinutes', () => {
  const m = buildMinutes(record);

  it('records time, place and participants in Vietnam time', () => {
    expect(m.header).toMatchObject({
      partyHeader: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      upperOrganisation: 'Đảng bộ xã Vũ Bình',
      date: { day: 5, month: 2, year: 2025, hour: 19, minute: 30 },
    });
    expect(m.subtitle).toBe('Sinh hoạt chi bộ thường kỳ tháng 2 năm 2025');
    expect(m.participants.chair).toEqual({ name: 'Đỗ Thị Xuyến', position: 'Bí thư Chi bộ' });
    expect(m.closing).toEqual({
      approved: true,
      endedAt: { day: 5, month: 2, year: 2025, hour: 21, minute: 5 },
    });
  });

  it('counts present out of total and names absent members with reasons', () => {
    expect(m.attendance).toMatchObject({
      total: 8,
      full: 7,
      probationary: 1,
      exemptNotAttending: 1,
      present: 5,
      presentRemote: 1,
      presentOutsideBase: 1,
      absent: 2,
      absentWithReason: 1,
      absentWithoutReason: 1,
      base: 7,
      required: 5,
      quorumMet: true,
    });
    expect(m.attendance.absentMembers).toEqual([
      { name: 'Vũ Minh Tuấn', withReason: true, reason: 'Đi công tác tỉnh Nam Định' },
      { name: 'Bùi Thị Hoa', withReason: false },
    ]);
  });

  it('leaves skipped steps out of the agenda and keeps notes and conclusions', () => {
    expect(m.agenda).toEqual([
      'Điểm danh',
      'Đánh giá kết quả tháng trước',
      'Biểu quyết thông qua nghị quyết',
    ]);
    expect(m.items[1]).toEqual({
      index: 2,
      title: 'Đánh giá kết quả tháng trước',
      notes: [
        { speaker: 'Nguyễn Văn Hùng', text: 'Đề nghị đẩy nhanh tiến độ thu hoạch lúa mùa.' },
        { text: 'Chi bộ thống nhất đánh giá.' },
      ],
      conclusion: 'Hoàn thành 95% chỉ tiêu tháng.',
    });
  });

  it('keeps the vote against its base', () => {
    // Vote base: Xuyến, Nhung, Hùng, Lan (remote), Hoà (absent without reason) = 5; Tuấn left with a reason.
    expect(m.votes[0]).toMatchObject({ for: 4, base: 5, threshold: 3, passed: true, forPercent: 80 });
  });

  it('normalises names to NFC', () => {
    const decomposed = buildMinutes({ ...record, chair: { name: 'Đỗ Thị Xuyến'.normalize('NFD') } });
    expect(decomposed.participants.chair.name).toBe('Đỗ Thị Xuyến');
  });
});

describe('minutesToPlainText', () => {
  const text = minutesToPlainText(buildMinutes(record));

  it('uses the customary wording', () => {
    expect(text).toContain('ĐẢNG BỘ XÃ VŨ BÌNH\nCHI BỘ THÔN NGUYỆT LÂM 3\nĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Vũ Bình, ngày 05 tháng 02 năm 2025');
    expect(text).toContain('BIÊN BẢN\nSINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 2 NĂM 2025');
    expect(text).toContain(
      'Hôm nay, vào lúc 19 giờ 30 phút, ngày 05 tháng 02 năm 2025, tại Nhà văn hóa thôn Nguyệt Lâm 3 ' +
        '(kết hợp trực tuyến), Chi bộ thôn Nguyệt Lâm 3 tiến hành sinh hoạt thường kỳ tháng 2 năm 2025.',
    );
    expect(text).toContain('- Chủ trì: đồng chí Đỗ Thị Xuyến, Bí thư Chi bộ.');
    expect(text).toContain('- Khách mời: đồng chí Nguyễn Thị Mai, Đảng ủy viên, phụ trách chi bộ.');
    expect(text).toContain(
      '- Tổng số đảng viên: 8 đồng chí (chính thức: 7, dự bị: 1); miễn sinh hoạt: 1 đồng chí.',
    );
    expect(text).toContain(
      '- Có mặt: 5 đồng chí (trực tuyến: 1); vắng: 2 đồng chí (có lý do: 1, không lý do: 1).',
    );
    expect(text).toContain(
      '- Đảng viên vắng mặt: đồng chí Vũ Minh Tuấn (có lý do: Đi công tác tỉnh Nam Định); đồng chí Bùi Thị Hoa (không lý do).',
    );
    expect(text).toContain('- Số đảng viên có mặt bảo đảm tỷ lệ theo quy định (cần ít nhất 5/7 đồng chí).');
    expect(text).toContain('- Đồng chí Nguyễn Văn Hùng: Đề nghị đẩy nhanh tiến độ thu hoạch lúa mùa.');
    expect(text).toContain('Kết luận: Hoàn thành 95% chỉ tiêu tháng.');
    expect(text).toContain(
      '- Thông qua Nghị quyết chi bộ tháng 02 năm 2025 (giơ tay): tán thành 4/5 đồng chí (80%); ' +
        'không tán thành: 0; không biểu quyết: 0. Kết quả: thông qua.',
    );
    expect(text).toContain('V. KẾT LUẬN');
    expect(text).toContain('Buổi sinh hoạt kết thúc vào lúc 21 giờ 05 phút cùng ngày.');
    expect(text).toContain('Biên bản đã được đọc lại cho chi bộ nghe và nhất trí thông qua.');
    expect(text).toMatch(/THƯ KÝ\t\tCHỦ TRÌ\nPhan Thị Nhung\t\tĐỗ Thị Xuyến$/);
    expect(text.normalize('NFC')).toBe(text);
  });

  it('says when the quorum was not met and when minutes are not yet approved', () => {
    const few = computeAttendance(members, [{ memberId: 'xuyen', mark: 'present' }], rules);
    const t = minutesToPlainText(
      buildMinutes({ ...record, attendance: few, votes: [], minutesApproved: false, partyHeader: null }),
    );
    expect(t).toContain('không bảo đảm tỷ lệ theo quy định');
    expect(t).toContain('chưa điểm danh: 6'); // everyone in the base but the secretary
    expect(t).not.toContain('nhất trí thông qua');
    expect(t).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(t).toContain('IV. KẾT LUẬN');
  });

  it('names the themed topic', () => {
    const t = minutesToPlainText(
      buildMinutes({ ...record, meetingKind: 'themed', theme: 'Chuyển đổi số ở thôn' }),
    );
    expect(t).toContain('SINH HOẠT CHI BỘ CHUYÊN ĐỀ THÁNG 2 NĂM 2025 — CHUYÊN ĐỀ: CHUYỂN ĐỔI SỐ Ở THÔN');
  });
});

describe('date and time wording', () => {
  it('pads days below 10 and months 1–2 only', () => {
    expect(dateWords({ day: 5, month: 2, year: 2025 })).toBe('ngày 05 tháng 02 năm 2025');
    expect(dateWords({ day: 19, month: 11, year: 2021 })).toBe('ngày 19 tháng 11 năm 2021');
    expect(dateWords({ day: 1, month: 3, year: 2026 })).toBe('ngày 01 tháng 3 năm 2026');
    expect(timeWords({ hour: 7, minute: 5 })).toBe('7 giờ 05 phút');
  });
});
