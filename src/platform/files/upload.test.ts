import { describe, expect, it } from 'vitest';
import { checkUpload } from './upload.ts';
import { FileError } from './errors.ts';
import { DOCUMENT_KINDS, IMAGE_KINDS } from './kinds.ts';
import { PNG_1PX, makeDocx, makePdf } from './test-fixtures.ts';

function catchError(fn: () => unknown): FileError {
  try {
    fn();
  } catch (err) {
    if (err instanceof FileError) return err;
    throw err;
  }
  throw new Error('expected a FileError');
}

describe('checkUpload', () => {
  it('accepts a real PDF and reports its type and size', async () => {
    const bytes = await makePdf(['Hướng dẫn 42-HD/BTCTW']);
    const checked = checkUpload({
      bytes,
      name: 'Hướng dẫn.pdf',
      allowed: DOCUMENT_KINDS,
      maxBytes: 10_000_000,
    });
    expect(checked).toEqual({ kind: 'pdf', mime: 'application/pdf', ext: 'pdf', size: bytes.length });
  });

  it('refuses a file over the size limit', () => {
    const err = catchError(() =>
      checkUpload({ bytes: PNG_1PX, name: 'a.png', allowed: IMAGE_KINDS, maxBytes: PNG_1PX.length - 1 }),
    );
    expect(err.code).toBe('UPLOAD_TOO_LARGE');
    expect(err.status).toBe(413);
    expect(err.info).toMatchObject({ size: PNG_1PX.length });
    expect(err.details).toEqual([{ field: 'file', code: 'UPLOAD_TOO_LARGE', message: err.message }]);
    expect(err.message).toMatch(/^Tệp quá lớn/);
  });

  it('states the limit in megabytes', () => {
    const err = catchError(() =>
      checkUpload({
        bytes: new Uint8Array(3 * 1024 * 1024),
        name: 'a.pdf',
        allowed: ['pdf'],
        maxBytes: 2 * 1024 * 1024,
      }),
    );
    expect(err.message).toBe('Tệp quá lớn (3 MB): tối đa 2 MB cho mỗi tệp.');
  });

  it('refuses an extension that is not allowed', () => {
    const err = catchError(() =>
      checkUpload({ bytes: PNG_1PX, name: 'anh.png', allowed: DOCUMENT_KINDS, maxBytes: 1_000_000 }),
    );
    expect(err.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    expect(err.status).toBe(415);
    expect(err.message).toContain('“.png”');
    expect(err.message).toContain('PDF');
  });

  it('refuses unknown extensions and names without one', () => {
    for (const name of ['virus.exe', 'trang.html', 'hinh.svg', 'README']) {
      const err = catchError(() =>
        checkUpload({
          bytes: new TextEncoder().encode('xin chào'),
          name,
          allowed: DOCUMENT_KINDS,
          maxBytes: 1000,
        }),
      );
      expect(err.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    }
    const noExt = catchError(() =>
      checkUpload({
        bytes: new TextEncoder().encode('x'),
        name: 'README',
        allowed: ['pdf', 'text'],
        maxBytes: 10,
      }),
    );
    expect(noExt.message).toBe(
      'Không nhận tệp không có phần mở rộng. Các loại được phép: PDF, văn bản thuần (TXT).',
    );
  });

  it('refuses a .pdf that is not a PDF', async () => {
    const cases: Uint8Array[] = [
      new TextEncoder().encode('<html><script>alert(1)</script></html>'),
      PNG_1PX,
      await makeDocx('Biên bản', ['x']),
    ];
    for (const bytes of cases) {
      const err = catchError(() =>
        checkUpload({ bytes, name: 'nghi-quyet.pdf', allowed: ['pdf'], maxBytes: 1e7 }),
      );
      expect(err.code).toBe('UPLOAD_CONTENT_MISMATCH');
      expect(err.status).toBe(415);
      expect(err.message).toContain('không phải là tệp PDF');
    }
  });

  it('refuses a PDF renamed to .docx', async () => {
    const err = catchError(() =>
      checkUpload({
        bytes: new Uint8Array(Buffer.from('%PDF-1.7\n')),
        name: 'a.docx',
        allowed: ['pdf', 'docx'],
        maxBytes: 1e6,
      }),
    );
    expect(err.code).toBe('UPLOAD_CONTENT_MISMATCH');
    expect(err.info).toMatchObject({ claimed: 'docx', detected: 'pdf' });
  });

  it('treats text flavours by name: a .md file of plain text is Markdown', () => {
    const bytes = new TextEncoder().encode('# Ghi chú\n\nSinh hoạt chi bộ tháng 11');
    expect(checkUpload({ bytes, name: 'ghi-chu.md', allowed: ['markdown'], maxBytes: 1000 }).kind).toBe(
      'markdown',
    );
  });

  it('refuses a .txt file that is binary', () => {
    const err = catchError(() =>
      checkUpload({
        bytes: Uint8Array.from([0x41, 0, 0x42]),
        name: 'a.txt',
        allowed: ['text'],
        maxBytes: 1000,
      }),
    );
    expect(err.code).toBe('UPLOAD_CONTENT_MISMATCH');
  });
});
