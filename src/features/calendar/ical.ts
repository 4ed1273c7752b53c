/** iCalendar (RFC 5545) writing: text escaping, line folding at 75 octets, CRLF line ends. */

export interface IcsEvent {
  uid: string;
  /** ISO instant (timed event) or YYYY-MM-DD (all-day event). */
  start: string;
  /** ISO instant; all-day events last their one day. */
  end?: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
}

/** §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * §3.1: lines longer than 75 octets are split with CRLF and one space; a UTF-8 character is never cut, so
 * Vietnamese text (2–3 octets per letter) stays valid.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function stamp(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
}

export function buildCalendar(name: string, events: readonly IcsEvent[], now = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//So tay Dang vien//Lich ca nhan//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp(now.toISOString())}`);
    if (/^\d{4}-\d{2}-\d{2}$/.test(e.start)) {
      lines.push(`DTSTART;VALUE=DATE:${e.start.replace(/-/g, '')}`, `DTEND;VALUE=DATE:${nextDay(e.start)}`);
    } else {
      lines.push(`DTSTART:${stamp(e.start)}`);
      if (e.end) lines.push(`DTEND:${stamp(e.end)}`);
    }
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
