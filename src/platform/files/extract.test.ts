import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { canExtractText, extractText } from './extract.ts';
import { KINDS } from './kinds.ts';
import { makeDocx, makePdf } from './test-fixtures.ts';

const PDF = KINDS.pdf.mime;
const DOCX = KINDS.docx.mime;

const P1 =
  'Nghị quyết số 02-NQ/TU ngày 20/10/2021 của Ban Chấp hành Đảng bộ tỉnh Thái Bình về chuyển đổi số đến năm 2025, ' +
  'định hướng đến năm 2030: đưa Sổ tay đảng viên điện tử đến 100% tổ chức cơ sở đảng.';
const P2 =
  'Chi bộ Tân Đệ 5 sinh hoạt định kỳ vào ngày mùng 5 hằng tháng; đảng viên đọc trước tài liệu trên điện thoại.';
const P3 =
  'Ưu điểm: họp ngắn hơn, nghị quyết sát thực tế hơn. Hạn chế: một số đồng chí cao tuổi chưa cài đặt ứng dụng.';

describe('extractText from PDF', () => {
  it('returns the Vietnamese text with diacritics and paragraphs', async () => {
    const result = await extractText(await makePdf([P1, P2, P3]), PDF);
    expect(result.status).toBe('ok');
    expect(result.text).toBe([P1, P2, P3].join('\n\n'));
    expect(result.text).toBe(result.text.normalize('NFC'));
  });

  it('keeps numbered items as separate paragraphs', async () => {
    const items = ['1. Thu đảng phí, điểm danh.', '2. Thông qua chương trình.', '3. Biểu quyết nghị quyết.'];
    const result = await extractText(await makePdf(items), PDF);
    expect(result.text.split('\n\n')).toEqual(items);
  });

  it('reads every page in order', async () => {
    const result = await extractText(await makePdf([P2], { pages: 3 }), PDF);
    expect(result.text.split('\n\n')).toEqual([P2, P2, P2]);
  });

  it('keeps every word, in order, across several pages of long paragraphs', async () => {
    const sentences = [
      'Ngày 26 hằng tháng, Đảng ủy phường họp và thống nhất nội dung sinh hoạt chi bộ tháng sau.',
      'Bí thư chi bộ đăng dự thảo chương trình, nội dung và dự thảo nghị quyết lên Sổ tay trước hai ngày.',
      'Đảng viên đi làm ăn xa vẫn đọc tài liệu, nghe bản tin và góp ý kiến qua điện thoại.',
      'Thời gian họp giảm từ 180 phút xuống còn khoảng 90 đến 120 phút, nghị quyết sát thực tế hơn.',
      'Các đồng chí cao tuổi được con cháu hướng dẫn cài đặt, phóng to chữ và bật chức năng đọc.',
    ];
    const paragraphs = Array.from({ length: 24 }, (_, i) =>
      [0, 1, 2, 3].map((k) => sentences[(i + k) % sentences.length]).join(' '),
    );
    const result = await extractText(await makePdf(paragraphs), PDF);
    expect(result.status).toBe('ok');
    const collapse = (t: string) => t.replace(/\s+/g, ' ').trim();
    expect(collapse(result.text)).toBe(collapse(paragraphs.join(' ')));
    expect(result.text.split('\n\n').length).toBeGreaterThanOrEqual(paragraphs.length);
    expect(result.text.startsWith(`${paragraphs[0]}\n\n${paragraphs[1]}\n\n`)).toBe(true);
  });

  it('reports a PDF without text as empty', async () => {
    const result = await extractText(await makePdf([]), PDF);
    expect(result).toEqual({ text: '', status: 'empty' });
  });

  it('reports a truncated PDF as failed without throwing', async () => {
    const pdf = await makePdf([P1]);
    const result = await extractText(pdf.slice(0, Math.floor(pdf.length / 3)), PDF);
    expect(result.status).toBe('failed');
    expect(result.text).toBe('');
    expect(result.error).toMatch(/PDF/);
  });

  it('reports garbage labelled as PDF as failed', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    const result = await extractText(garbage, PDF);
    expect(result).toMatchObject({ status: 'failed', text: '' });
    expect(result.error).toBe('Tệp PDF bị hỏng hoặc không đúng định dạng, không trích xuất được văn bản.');
  });

  it('reports a password-protected PDF as failed with the reason', async () => {
    const result = await extractText(await makePdf([P1], { userPassword: 'bi-mat' }), PDF);
    expect(result).toEqual({
      text: '',
      status: 'failed',
      error: 'Tệp PDF có mật khẩu nên không đọc được nội dung.',
    });
  });

  it('refuses to parse beyond the size cap', async () => {
    const pdf = await makePdf([P1]);
    const result = await extractText(pdf, PDF, { maxBytes: pdf.length - 1 });
    expect(result).toEqual({ text: '', status: 'failed', error: 'Tệp quá lớn để trích xuất văn bản.' });
  });

  it('stops a parse that exceeds the time cap', async () => {
    // A parser process cannot even start within 1 ms, so the cap always fires first.
    const result = await extractText(await makePdf([P1]), PDF, { timeoutMs: 1 });
    expect(result).toEqual({
      text: '',
      status: 'failed',
      error: 'Trích xuất văn bản quá thời gian cho phép.',
    });
  });

  it('cuts very long text at a paragraph boundary', async () => {
    const result = await extractText(await makePdf([P1, P2, P3]), PDF, {
      maxChars: P1.length + P2.length + 10,
    });
    expect(result).toEqual({ text: `${P1}\n\n${P2}`, status: 'ok', truncated: true });
  });

  it('handles several files at once', async () => {
    const pdfs = await Promise.all([P1, P2, P3].map((p) => makePdf([p])));
    const results = await Promise.all(pdfs.map((b) => extractText(b, PDF)));
    expect(results.map((r) => r.text)).toEqual([P1, P2, P3]);
  });
});

describe('extractText from DOCX', () => {
  it('returns title and paragraphs with diacritics intact', async () => {
    const docx = await makeDocx('Biên bản sinh hoạt chi bộ tháng 11/2023', [P1, P2, P3]);
    const result = await extractText(docx, DOCX);
    expect(result).toEqual({
      text: ['Biên bản sinh hoạt chi bộ tháng 11/2023', P1, P2, P3].join('\n\n'),
      status: 'ok',
    });
  });

  it('reports a DOCX without text as empty', async () => {
    expect((await extractText(await makeDocx('', []), DOCX)).status).toBe('empty');
  });

  it('reports a truncated DOCX as failed', async () => {
    const docx = await makeDocx('Nghị quyết', [P1]);
    const result = await extractText(docx.slice(0, docx.length - 100), DOCX);
    expect(result.status).toBe('failed');
    expect(result.error).toBe('Tệp DOCX bị hỏng hoặc không đúng định dạng, không trích xuất được văn bản.');
  });

  it('survives a decompression bomb: the parser process runs out of memory, not the server', async () => {
    const files = unzipSync(await makeDocx('Tiêu đề', ['Nội dung']));
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    const at = xml.indexOf('<w:body>') + '<w:body>'.length;
    // Two million tiny paragraphs: about 60 MB of XML that compresses to well under a megabyte but becomes
    // millions of objects in the parser.
    const paragraph = '<w:p><w:r><w:t>a</w:t></w:r></w:p>';
    files['word/document.xml'] = strToU8(xml.slice(0, at) + paragraph.repeat(2_000_000) + xml.slice(at));
    const bomb = zipSync(files, { level: 1 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const result = await extractText(bomb, DOCX, { memoryMb: 48 });
    expect(result).toEqual({ text: '', status: 'failed', error: 'Tệp quá phức tạp để trích xuất văn bản.' });
  });

  it('reports a ZIP without a Word document as failed', async () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>') });
    expect((await extractText(zip, DOCX)).status).toBe('failed');
  });

  it('reports plain bytes labelled as DOCX as failed', async () => {
    expect((await extractText(strToU8('không phải docx'), DOCX)).status).toBe('failed');
  });
});

describe('extractText from plain text', () => {
  it('normalises to NFC and separates paragraphs by one blank line', async () => {
    const decomposed = 'Đảng bộ phường Tiền Phong'.normalize('NFD');
    const input = `\uFEFF${decomposed}\r\n\r\n\r\n  Chi bộ   số 3  \r\ndòng hai\n\n\n`;
    const result = await extractText(strToU8(input), 'text/plain; charset=utf-8');
    expect(result).toEqual({ text: 'Đảng bộ phường Tiền Phong\n\nChi bộ số 3\ndòng hai', status: 'ok' });
  });

  it('reads Markdown and CSV as text', async () => {
    expect((await extractText(strToU8('# Tiêu đề\n\nNội dung'), 'text/markdown')).text).toBe(
      '# Tiêu đề\n\nNội dung',
    );
    expect((await extractText(strToU8('a,b\n1,2'), 'text/csv')).text).toBe('a,b\n1,2');
  });

  it('reports whitespace-only text as empty', async () => {
    expect(await extractText(strToU8(' \n\t\n'), 'text/plain')).toEqual({ text: '', status: 'empty' });
  });

  it('reports invalid UTF-8 as failed', async () => {
    const result = await extractText(Uint8Array.from([0xd0, 0xe3, 0x6e, 0x67]), 'text/plain');
    expect(result).toEqual({
      text: '',
      status: 'failed',
      error: 'Tệp văn bản không được mã hoá UTF-8 hợp lệ.',
    });
  });
});

describe('extractText for other types', () => {
  it('says which types it can read', () => {
    expect(canExtractText('application/pdf')).toBe(true);
    expect(canExtractText('text/plain; charset=utf-8')).toBe(true);
    expect(canExtractText('image/png')).toBe(false);
  });

  it('reports an unsupported type as failed', async () => {
    expect(await extractText(new Uint8Array([1]), 'image/png')).toEqual({
      text: '',
      status: 'failed',
      error: 'Không hỗ trợ trích xuất văn bản từ loại tệp này.',
    });
  });
});
