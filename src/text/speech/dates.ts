import { readInteger } from '../numbers.ts';

/** Month names are plain numbers except April, always "tháng tư". */
export function readMonth(month: number): string {
  return month === 4 ? 'tư' : readInteger(String(month));
}

function daysInMonth(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Day/month exists in some year (29/2 is allowed when the year is unknown). */
export function isValidDayMonth(day: number, month: number, year = 2000): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

/** "19", "11", "2021" → "mười chín tháng mười một năm hai nghìn không trăm hai mươi mốt" (no leading "ngày"). */
export function readDayMonthYear(day: string, month: string, year?: string): string {
  const d = readInteger(String(Number(day)));
  const m = readMonth(Number(month));
  return year === undefined ? `${d} tháng ${m}` : `${d} tháng ${m} năm ${readInteger(String(Number(year)))}`;
}

/** "9", "2022" → "chín năm hai nghìn không trăm hai mươi hai" (no leading "tháng"). */
export function readMonthYear(month: string, year: string): string {
  return `${readMonth(Number(month))} năm ${readInteger(String(Number(year)))}`;
}

/** "19:45" parts → "mười chín giờ bốn mươi lăm phút"; minutes "00" are not read. */
export function readTime(hours: string, minutes?: string, seconds?: string): string {
  let out = `${readInteger(String(Number(hours)))} giờ`;
  if (minutes !== undefined && Number(minutes) > 0) out += ` ${readInteger(String(Number(minutes)))} phút`;
  if (seconds !== undefined && Number(seconds) > 0) out += ` ${readInteger(String(Number(seconds)))} giây`;
  return out;
}

export function isValidTime(hours: string, minutes?: string, seconds?: string): boolean {
  if (Number(hours) > 24) return false;
  if (minutes !== undefined && (minutes.length !== 2 || Number(minutes) > 59)) return false;
  if (seconds !== undefined && (seconds.length !== 2 || Number(seconds) > 59)) return false;
  return true;
}
