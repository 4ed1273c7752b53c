import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildMinutes, computeAttendance, DEFAULT_MEETING_RULES } from './domain/index.ts';
import { minutesDocx, minutesLayout, minutesPdf } from './export.ts';

const members = [
  { id: 'a', name: 'Nguyễn Văn An', kind: 'full' as const, status: 'active' as const },
  { id: 'b', name: 'Trần Thị Bình', kind: 'full' as const, status: 'active' as const },
];
const minutes = buildMinutes({
  upperOrganisation: 'Đảng bộ xã Thụy Bình',
  organisation: 'Chi bộ thôn Nguyệt Lâm 3',
  locality: 'Thụy Bình',
  meetingKind: 'regular',
  startedAt: '2026-11-25T12:30:00Z',
  endedAt: '2026-11-25T14:15:00Z',
  place: 'Nhà văn hóa thôn',
  chair: { name: 'Nguyễn Văn An', position: 'Bí thư Chi bộ' },
  minuteTaker: { name: 'Trần Thị Bình' },
  guests: [],
  members,
  attendance: computeAttendance(
    members,
    [
      { memberId: 'a', mark: 'present' },
      { memberId: 'b', mark: 'absent_with_reason', reason: 'Ốm' },
    ],
    DEFAULT_MEETING_RULES,
  ),
  steps: [{ title: 'Thu đảng phí', notes: [{ text: 'Thu đủ.' }] }],
  votes: [],
  minutesApproved: true,
});

describe('minutes export', () => {
  it('lays out the customary header: organisation left, party header and place/date right', () => {
    const l = minutesLayout(minutes);
    expect(l.left).toEqual(['ĐẢNG BỘ XÃ THỤY BÌNH', 'CHI BỘ THÔN NGUYỆT LÂM 3', '*']);
    expect(l.partyHeader).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(l.dateLine).toBe('Thụy Bình, ngày 25 tháng 11 năm 2026');
    expect(l.title).toBe('BIÊN BẢN HỌP CHI BỘ');
    expect(l.body[0]).toMatch(/^Hôm nay, vào lúc 19 giờ 30 phút/);
    expect(l.signatures.map((s) => s.role)).toEqual(['THƯ KÝ', 'CHỦ TRÌ']);
  });

  it('writes a Word file with the Vietnamese text intact', async () => {
    const text = (await mammoth.extractRawText({ buffer: await minutesDocx(minutes) })).value;
    for (const s of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'BIÊN BẢN HỌP CHI BỘ',
      'Trần Thị Bình (có lý do: Ốm)',
      'THƯ KÝ',
    ])
      expect(text).toContain(s);
  });

  it('writes a PDF with an embedded Vietnamese font, and refuses clearly without one', async () => {
    const pdf = await minutesPdf(minutes);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('DejaVuSans');
    expect(() => minutesPdf(minutes, '/nonexistent')).toThrow(/phông chữ/);
  });
});
