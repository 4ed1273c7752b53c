import { describe, expect, it } from 'vitest';
import { fileResponseHeaders, parseRange, rangeResponseHeaders } from './serve.ts';

describe('fileResponseHeaders', () => {
  it('serves a PDF inline with its Vietnamese name and nosniff', () => {
    expect(
      fileResponseHeaders({ mime: 'application/pdf', fileName: 'Nghị quyết.pdf', size: 1234, inline: true }),
    ).toEqual({
      'Content-Type': 'application/pdf',
      'Content-Length': '1234',
      'Content-Disposition':
        'inline; filename="Nghi quyet.pdf"; filename*=UTF-8\'\'Ngh%E1%BB%8B%20quy%E1%BA%BFt.pdf',
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Accept-Ranges': 'bytes',
    });
  });

  it('always saves Office files, even when inline is asked for', () => {
    const headers = fileResponseHeaders({
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fileName: 'Biên bản.docx',
      size: 10,
      inline: true,
    });
    expect(headers['Content-Disposition']).toMatch(/^attachment; /);
  });

  it('declares text as UTF-8 and never as HTML', () => {
    expect(fileResponseHeaders({ mime: 'text/markdown', fileName: 'a.md', size: 1 })['Content-Type']).toBe(
      'text/markdown; charset=utf-8',
    );
    const html = fileResponseHeaders({ mime: 'text/html', fileName: 'a.html', size: 1, inline: true });
    expect(html['Content-Type']).toBe('application/octet-stream');
    expect(html['Content-Disposition']).toMatch(/^attachment; /);
    expect(
      fileResponseHeaders({ mime: 'image/svg+xml', fileName: 'a.svg', size: 1, inline: true }),
    ).toMatchObject({
      'Content-Type': 'application/octet-stream',
    });
  });
});

describe('parseRange', () => {
  it('reads closed, open and suffix ranges', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
  });

  it('sends the whole file for no header, bad syntax or several ranges', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('bytes=-', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseRange('bytes=50-10', 1000)).toBeNull();
  });

  it('says when a range cannot be satisfied', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });

  it('gives the matching response headers', () => {
    expect(rangeResponseHeaders({ start: 10, end: 19 }, 100)).toEqual({
      'Content-Range': 'bytes 10-19/100',
      'Content-Length': '10',
    });
    expect(rangeResponseHeaders('unsatisfiable', 100)).toEqual({ 'Content-Range': 'bytes */100' });
  });
});
