import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { detectFileType } from './detect.ts';
import {
  GIF_1PX,
  JPEG_HEAD,
  MP3_FRAME,
  MP3_ID3,
  PNG_1PX,
  makeDocx,
  makeOdt,
  makeOoxml,
  makePdf,
  makeXlsx,
  oggPage,
  riff,
} from './test-fixtures.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('detectFileType', () => {
  it('recognises a real PDF', async () => {
    const pdf = await makePdf(['Nghị quyết số 02-NQ/TU']);
    expect(detectFileType(pdf, 'nghi-quyet.pdf')).toEqual({
      kind: 'pdf',
      mime: 'application/pdf',
      ext: 'pdf',
    });
  });

  it('tells DOCX, XLSX and PPTX apart by their manifest', async () => {
    expect(detectFileType(await makeDocx('Biên bản', ['Nội dung']), 'a.docx')?.kind).toBe('docx');
    expect(detectFileType(await makeXlsx(), 'a.xlsx')?.kind).toBe('xlsx');
    const pptx = detectFileType(makeOoxml(), 'a.pptx');
    expect(pptx).toEqual({
      kind: 'pptx',
      mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      ext: 'pptx',
    });
  });

  it('ignores the declared name for binary formats', async () => {
    expect(detectFileType(await makeDocx('x', ['y']), 'anh.png')?.kind).toBe('docx');
    expect(detectFileType(PNG_1PX, 'tai-lieu.pdf')?.kind).toBe('png');
  });

  it('refuses macro-enabled Office files and plain ZIP archives', () => {
    const docm = makeOoxml(
      '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
    );
    expect(detectFileType(docm, 'a.docx')).toBeNull();
    expect(detectFileType(makeOdt('application/zip'), 'a.odt')).toBeNull();
    expect(detectFileType(makeOoxml('<Types/>'), 'a.docx')).toBeNull();
  });

  it('refuses a truncated ZIP', async () => {
    const docx = await makeDocx('x', ['y']);
    expect(detectFileType(docx.slice(0, 200), 'a.docx')).toBeNull();
  });

  it('recognises ODT', () => {
    expect(detectFileType(makeOdt(), 'bien-ban.odt')).toEqual({
      kind: 'odt',
      mime: 'application/vnd.oasis.opendocument.text',
      ext: 'odt',
    });
  });

  it('recognises images', () => {
    expect(detectFileType(PNG_1PX, 'a.png')?.kind).toBe('png');
    expect(detectFileType(JPEG_HEAD, 'a.jpg')).toEqual({ kind: 'jpeg', mime: 'image/jpeg', ext: 'jpg' });
    expect(detectFileType(riff('WEBP'), 'a.webp')?.mime).toBe('image/webp');
    expect(detectFileType(GIF_1PX, 'a.gif')?.mime).toBe('image/gif');
  });

  it('does not take a WAV or AVI file for WebP', () => {
    expect(detectFileType(riff('WAVE'), 'a.webp')).toBeNull();
  });

  it('recognises MP3 with an ID3 tag or a bare frame header', () => {
    expect(detectFileType(MP3_ID3, 'bai-doc.mp3')?.mime).toBe('audio/mpeg');
    expect(detectFileType(MP3_FRAME, 'bai-doc.mp3')?.mime).toBe('audio/mpeg');
    // Frame sync with the "reserved" layer bits is not MP3 (and 0xFF 0xF1 is AAC ADTS).
    expect(detectFileType(Uint8Array.from([0xff, 0xf1, 0x50, 0x80, 0, 0]), 'a.mp3')).toBeNull();
  });

  it('recognises Ogg Opus and Ogg Vorbis but not other Ogg streams', () => {
    expect(detectFileType(oggPage(strToU8('OpusHead\x01\x02')), 'a.opus')).toEqual({
      kind: 'ogg',
      mime: 'audio/ogg',
      ext: 'opus',
    });
    expect(detectFileType(oggPage(Uint8Array.from([1, ...strToU8('vorbis')])), 'a.ogg')?.ext).toBe('ogg');
    expect(detectFileType(oggPage(strToU8('\x80theora')), 'a.ogg')).toBeNull();
  });

  it('recognises valid UTF-8 text and picks the flavour from the name', () => {
    const text = utf8('Họ và tên,Chi bộ\nNguyễn Văn An,Tân Đệ 5\n');
    expect(detectFileType(text, 'danh-sach.csv')).toEqual({
      kind: 'csv',
      mime: 'text/csv; charset=utf-8',
      ext: 'csv',
    });
    expect(detectFileType(text, 'ghi-chu.md')?.kind).toBe('markdown');
    expect(detectFileType(text, 'ghi-chu.txt')?.kind).toBe('text');
    expect(detectFileType(text, 'khong-duoi')?.kind).toBe('text');
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(detectFileType(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Đảng')]), 'a.txt')?.kind).toBe('text');
  });

  it('refuses text with NUL bytes, invalid UTF-8 and empty files', () => {
    expect(detectFileType(utf8('abc\u0000def'), 'a.txt')).toBeNull();
    // "Đảng" in Windows-1258 style single bytes is not valid UTF-8.
    expect(detectFileType(Uint8Array.from([0xd0, 0xe3, 0x6e, 0x67]), 'a.txt')).toBeNull();
    // UTF-16 little endian with BOM.
    expect(detectFileType(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]), 'a.txt')).toBeNull();
    expect(detectFileType(new Uint8Array(0), 'a.txt')).toBeNull();
  });
});
