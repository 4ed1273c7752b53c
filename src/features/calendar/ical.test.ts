import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine } from './ical.ts';

describe('iCalendar writing (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and newlines in text', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without cutting a Vietnamese letter', () => {
    const line = `SUMMARY:${'Sinh hoạt chi bộ thường kỳ tháng 11 năm 2026 tại nhà văn hóa thôn '.repeat(3)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, p] of parts.entries()) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
    }
    // Unfolding (remove CRLF + one space) gives the line back.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT')).toBe('SHORT');
  });

  it('writes CRLF lines, all-day and timed events', () => {
    const ics = buildCalendar(
      'Lịch của tôi',
      [
        {
          uid: 'm1@sotay',
          start: '2026-11-05T01:30:00.000Z',
          end: '2026-11-05T03:30:00.000Z',
          summary: 'Họp, chi bộ',
        },
        { uid: 't1@sotay', start: '2026-11-20', summary: 'Hạn nhiệm vụ' },
      ],
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    expect(ics).toContain('\r\nDTSTART:20261105T013000Z\r\n');
    expect(ics).toContain('\r\nSUMMARY:Họp\\, chi bộ\r\n');
    expect(ics).toContain('\r\nDTSTART;VALUE=DATE:20261120\r\nDTEND;VALUE=DATE:20261121\r\n');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  });
});
