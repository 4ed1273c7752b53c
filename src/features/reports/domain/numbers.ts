// Parsing numbers as Vietnamese users type them: "." groups thousands and "," marks decimals ("1.234.567",
// "12,5"), while plain machine forms ("1234", "12.5", "1,234,567.8") are still accepted.
//
// The one ambiguous shape is a single dot followed by exactly three digits ("1.234"). We read it the
// Vietnamese way, as 1234, because that is how the people entering these reports write numbers; a
// decimal with three fractional digits can be written "1,234". A leading zero group ("0.125") cannot be a
// thousands grouping, so it stays a decimal.

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const GROUPED = /^[1-9]\d{0,2}(?:X\d{3})+$/;

function isGrouped(intPart: string, sep: string): boolean {
  return GROUPED.test(intPart.split(sep).join('X'));
}

/** Returns the number, or null when the text is not a number in any accepted format. */
export function parseLocaleNumber(raw: string): number | null {
  let text = raw.normalize('NFC').replace(SPACES, '');
  if (text === '') return null;
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    sign = -1;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;

  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  let intPart: string;
  let fracPart = '';

  if (dots > 0 && commas > 0) {
    // Both present: whichever comes last is the decimal separator, the other groups thousands.
    const decimalSep = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const groupSep = decimalSep === ',' ? '.' : ',';
    const at = text.lastIndexOf(decimalSep);
    intPart = text.slice(0, at);
    fracPart = text.slice(at + 1);
    if (text.split(decimalSep).length - 1 !== 1 || !isGrouped(intPart, groupSep)) return null;
    intPart = intPart.split(groupSep).join('');
  } else if (commas > 0) {
    if (commas === 1) {
      [intPart = '', fracPart = ''] = text.split(',');
    } else {
      if (!isGrouped(text, ',')) return null;
      intPart = text.split(',').join('');
    }
  } else if (dots > 1) {
    if (!isGrouped(text, '.')) return null;
    intPart = text.split('.').join('');
  } else if (dots === 1) {
    const [before = '', after = ''] = text.split('.');
    if (after.length === 3 && isGrouped(text, '.')) {
      intPart = before + after;
    } else {
      intPart = before;
      fracPart = after;
    }
  } else {
    intPart = text;
  }

  if (intPart === '' && fracPart === '') return null;
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart)) return null;
  if (intPart === '' || text.endsWith(',') || text.endsWith('.')) return null;
  const value = Number(`${intPart}.${fracPart || '0'}`);
  return Number.isFinite(value) ? sign * value : null;
}

/** Formats a number the Vietnamese way ("1.234,5"); used in messages shown to users. */
export function formatViNumber(value: number, maxFractionDigits = 2): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFractionDigits }).format(value);
}
