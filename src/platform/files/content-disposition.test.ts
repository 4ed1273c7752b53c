import { describe, expect, it } from 'vitest';
import { asciiFileName, cleanFileName, contentDisposition } from './content-disposition.ts';

function decodeStar(header: string): string | null {
  const m = /filename\*=UTF-8''([^;]+)/.exec(header);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

describe('contentDisposition', () => {
  it('gives a folded ASCII name and the exact UTF-8 name', () => {
    const header = contentDisposition('Nghị quyết số 02-NQ/TU.pdf');
    expect(header).toBe(
      'attachment; filename="Nghi quyet so 02-NQ-TU.pdf"; filename*=UTF-8\'\'Ngh%E1%BB%8B%20quy%E1%BA%BFt%20s%E1%BB%91%2002-NQ-TU.pdf',
    );
    expect(decodeStar(header)).toBe('Nghị quyết số 02-NQ-TU.pdf');
  });

  it('folds đ and Đ to d and D', () => {
    expect(asciiFileName('Đảng bộ đường Đống Đa')).toBe('Dang bo duong Dong Da');
  });

  it('writes NFC in filename* even when the input is decomposed', () => {
    const header = contentDisposition('Biên bản.docx'.normalize('NFD'), 'inline');
    expect(header.startsWith('inline; filename="Bien ban.docx"; ')).toBe(true);
    expect(decodeStar(header)).toBe('Biên bản.docx'.normalize('NFC'));
  });

  it('omits filename* for a plain ASCII name', () => {
    expect(contentDisposition('report-2023.xlsx')).toBe('attachment; filename="report-2023.xlsx"');
  });

  it('cannot be broken out of: quotes, semicolons, line breaks and percent signs are neutralised', () => {
    const header = contentDisposition('a"; filename="evil.exe\r\nSet-Cookie: x=1%41.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    const fallback = /filename="([^"]*)"/.exec(header)?.[1];
    expect(fallback).toBe('a__ filename=_evil.exe Set-Cookie: x=1_41.pdf');
    expect(header.match(/"/g)).toHaveLength(2);
    expect(decodeStar(header)).toBe('a"; filename="evil.exe Set-Cookie: x=1%41.pdf');
    expect(header.split("filename*=UTF-8''")[1]).toMatch(/^[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
  });

  it('encodes characters outside RFC 8187 attr-char', () => {
    const header = contentDisposition("Báo cáo (quý I) * 'mới'.pdf");
    expect(header).toContain(
      "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%28qu%C3%BD%20I%29%20%2A%20%27m%E1%BB%9Bi%27.pdf",
    );
  });

  it('replaces scripts other than Latin in the fallback only', () => {
    const header = contentDisposition('Tài liệu 学习.pdf');
    expect(header).toContain('filename="Tai lieu __.pdf"');
    expect(decodeStar(header)).toBe('Tài liệu 学习.pdf');
  });
});

describe('cleanFileName', () => {
  it('removes directories, control and bidi characters and leading dots', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('-..-etc-passwd');
    expect(cleanFileName('..\\hidden')).toBe('-hidden');
    expect(cleanFileName('anh\u202Egpj.exe')).toBe('anhgpj.exe');
    expect(cleanFileName('  tệp\tcó   khoảng trắng  ')).toBe('tệp có khoảng trắng');
  });

  it('falls back to a default name when nothing is left', () => {
    expect(cleanFileName('\u0000\u202E')).toBe('tep-tin');
    expect(cleanFileName('...')).toBe('tep-tin');
  });

  it('shortens a very long name but keeps its extension', () => {
    const long = `${'Nghị quyết '.repeat(40)}.pdf`;
    const clean = cleanFileName(long);
    expect(clean.length).toBeLessThanOrEqual(180);
    expect(clean.endsWith('.pdf')).toBe(true);
  });
});
