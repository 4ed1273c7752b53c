import { describe, expect, it } from 'vitest';
import { htmlToPlainText, safeUrl, sanitizeRichText } from './sanitize.ts';
import { XSS_PAYLOADS } from './xss-payloads.ts';

const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'rel', 'target'],
  img: ['src', 'alt', 'loading'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
};
const ALLOWED_TAGS = new Set([
  ...['h2', 'h3', 'h4', 'p', 'br', 'strong', 'em', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'a', 'img'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
]);

function decodeAttr(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Fails when the HTML could run script: any tag, attribute or URL outside the allowlist, or a stray '<'. */
function expectInert(html: string, input: string): void {
  const tag = /<(\/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*(\/?)>/g;
  let rest = '';
  let last = 0;
  for (const m of html.matchAll(tag)) {
    rest += html.slice(last, m.index);
    last = m.index + m[0].length;
    const name = m[2] ?? '';
    expect(ALLOWED_TAGS.has(name), `tag <${name}> from ${input}`).toBe(true);
    for (const attr of (m[3] ?? '').matchAll(/([a-z-]+)="([^"]*)"/g)) {
      const [, attrName = '', raw = ''] = attr;
      expect(ALLOWED_ATTRIBUTES[name] ?? [], `attribute ${attrName} on <${name}> from ${input}`).toContain(
        attrName,
      );
      const value = decodeAttr(raw);
      if (attrName === 'href')
        expect(value, input).toMatch(/^(https?:\/\/[^\s]+|mailto:[^\s]+|[/#?.a-z0-9][^:\s]*)$/i);
      if (attrName === 'src') expect(value, input).toMatch(/^(https:\/\/[^\s]+|\/api\/v1\/files\/[^\s]*)$/);
      if (attrName === 'target') expect(value).toBe('_blank');
      if (attrName === 'rel') expect(value).toBe('noopener noreferrer');
    }
  }
  rest += html.slice(last);
  // Outside the recognised tags, '<' only appears escaped.
  expect(rest, `stray markup from ${input}`).not.toMatch(/[<>]/);
  expect(html.toLowerCase(), input).not.toMatch(/(javascript|vbscript|data):/);
}

describe('sanitizeRichText against XSS payloads', () => {
  it('has a substantial list', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(XSS_PAYLOADS.map((p) => [p]))('neutralises %s', (payload) => {
    const once = sanitizeRichText(payload);
    expectInert(once, payload);
    // Stable under a second pass: nothing re-forms into markup when parsed again.
    expect(sanitizeRichText(once)).toBe(once);
  });

  it('neutralises the payloads wrapped inside allowed markup', () => {
    for (const payload of XSS_PAYLOADS) {
      const wrapped = `<p>Nội dung <strong>${payload}</strong></p><ul><li>${payload}</li></ul>`;
      expectInert(sanitizeRichText(wrapped), wrapped);
    }
  });
});

describe('sanitizeRichText keeps the allowed formatting', () => {
  it('keeps headings, paragraphs, emphasis, lists and quotes', () => {
    const html =
      '<h2>Tin trong tỉnh</h2><h3>Phụ đề</h3><h4>Mục</h4><p>Đảng bộ <strong>tỉnh</strong> <em>Thái Bình</em> <u>gạch</u> <s>xoá</s><br>dòng mới</p>' +
      '<ul><li>Một</li></ul><ol><li>Hai</li></ol><blockquote>Trích dẫn</blockquote>';
    expect(sanitizeRichText(html)).toBe(html.replace('<br>', '<br />'));
  });

  it('maps pasted Word-style tags to their allowed equivalents', () => {
    expect(sanitizeRichText('<h1>A</h1><h6>B</h6><b>C</b><i>D</i><del>E</del><div>F</div>')).toBe(
      '<h2>A</h2><h4>B</h4><strong>C</strong><em>D</em><s>E</s><p>F</p>',
    );
  });

  it('drops style, class and id attributes and unknown tags but keeps their text', () => {
    expect(
      sanitizeRichText('<p style="color:red" class="x" id="y"><span>Chi bộ</span> <font>số 3</font></p>'),
    ).toBe('<p>Chi bộ số 3</p>');
  });

  it('marks external links and leaves internal ones alone', () => {
    expect(sanitizeRichText('<a href="https://baothaibinh.com.vn/tin">Báo</a>')).toBe(
      '<a href="https://baothaibinh.com.vn/tin" rel="noopener noreferrer" target="_blank">Báo</a>',
    );
    expect(sanitizeRichText('<a href="/van-ban/123" target="_blank">Văn bản</a>')).toBe(
      '<a href="/van-ban/123">Văn bản</a>',
    );
    expect(sanitizeRichText('<a href="mailto:vanphong@example.vn">Thư</a>')).toBe(
      '<a href="mailto:vanphong@example.vn">Thư</a>',
    );
    expect(
      sanitizeRichText('<a href="https://sotay.example.vn/tin/1">Tin</a>', {
        siteOrigin: 'https://sotay.example.vn',
      }),
    ).toBe('<a href="https://sotay.example.vn/tin/1">Tin</a>');
  });

  it('removes the target of a link that loses its href', () => {
    expect(sanitizeRichText('<a href="javascript:alert(1)" target="_blank">x</a>')).toBe('<a>x</a>');
    expect(sanitizeRichText('<a href="//evil.example/x">x</a>')).toBe('<a>x</a>');
  });

  it('keeps images from https and from the file API only', () => {
    expect(sanitizeRichText('<img src="/api/v1/files/abc123" alt="Ảnh hội nghị" width="5">')).toBe(
      '<img src="/api/v1/files/abc123" alt="Ảnh hội nghị" loading="lazy" />',
    );
    expect(sanitizeRichText('<img src="https://example.vn/a.jpg">')).toBe(
      '<img src="https://example.vn/a.jpg" alt="" loading="lazy" />',
    );
    for (const src of [
      'http://example.vn/a.jpg',
      '/uploads/a.jpg',
      '/api/v1/files/../../admin',
      '/api/v1/files/%2e%2e/%2e%2e/admin',
      '//example.vn/a.jpg',
      'data:image/png;base64,iVBORw0KGgo=',
    ]) {
      expect(sanitizeRichText(`<p>a<img src="${src}">b</p>`), src).toBe('<p>ab</p>');
    }
  });

  it('keeps basic tables with sane spans', () => {
    expect(
      sanitizeRichText(
        '<table border="1"><caption>Kết quả</caption><thead><tr><th scope="col" colspan="2">Chi bộ</th></tr></thead>' +
          '<tbody><tr><td rowspan="999">x</td><td colspan="2" width="9">y</td></tr></tbody></table>',
      ),
    ).toBe(
      '<table><caption>Kết quả</caption><thead><tr><th colspan="2" scope="col">Chi bộ</th></tr></thead>' +
        '<tbody><tr><td>x</td><td colspan="2">y</td></tr></tbody></table>',
    );
  });

  it('returns NFC text', () => {
    const out = sanitizeRichText(`<p>${'Nghị quyết'.normalize('NFD')}</p>`);
    expect(out).toBe('<p>Nghị quyết</p>');
  });

  it('escapes text that looks like markup', () => {
    expect(sanitizeRichText('<p>1 &lt; 2 &amp;&amp; "a" &gt; b</p>')).toBe(
      '<p>1 &lt; 2 &amp;&amp; "a" &gt; b</p>',
    );
  });
});

describe('safeUrl', () => {
  it('follows the browser in removing tabs, newlines and edge spaces before reading the scheme', () => {
    expect(safeUrl(' java\tscript:alert(1)', 'link')).toBeNull();
    expect(safeUrl('\nhttps://example.vn/a b', 'link')).toBe('https://example.vn/a%20b');
  });

  it('accepts relative paths, fragments and queries for links', () => {
    expect(safeUrl('/tin/1', 'link')).toBe('/tin/1');
    expect(safeUrl('#muc-2', 'link')).toBe('#muc-2');
    expect(safeUrl('?trang=2', 'link')).toBe('?trang=2');
    expect(safeUrl('tai-lieu/1', 'link')).toBe('tai-lieu/1');
  });

  it('refuses backslashes, which browsers read as slashes', () => {
    expect(safeUrl('/\\evil.example', 'link')).toBeNull();
    expect(safeUrl('\\\\evil.example', 'link')).toBeNull();
  });
});

describe('htmlToPlainText', () => {
  it('turns blocks into paragraphs and <br> into line breaks', () => {
    const html =
      '<h2>Sinh hoạt chi bộ</h2><p>Thu <strong>đảng phí</strong>,<br>điểm danh.</p><ul><li>Mục một</li><li>Mục hai</li></ul>' +
      '<blockquote><p>Trích dẫn</p></blockquote>';
    expect(htmlToPlainText(html)).toBe(
      'Sinh hoạt chi bộ\n\nThu đảng phí,\nđiểm danh.\n\nMục một\n\nMục hai\n\nTrích dẫn',
    );
  });

  it('decodes entities and drops scripts, styles and images', () => {
    expect(
      htmlToPlainText(
        '<p>A &amp; B &lt;C&gt; &quot;D&quot; &nbsp;Đ</p><script>alert(1)</script><style>p{}</style><img src=x>',
      ),
    ).toBe('A & B <C> "D" Đ');
  });

  it('separates table cells and rows', () => {
    expect(
      htmlToPlainText(
        '<table><tr><th>Chi bộ</th><th>Số đảng viên</th></tr><tr><td>Số 1</td><td>25</td></tr></table>',
      ),
    ).toBe('Chi bộ Số đảng viên\n\nSố 1 25');
  });

  it('keeps inline text together and normalises to NFC', () => {
    expect(htmlToPlainText(`Đảng <em>bộ</em>   ${'tỉnh'.normalize('NFD')}`)).toBe('Đảng bộ tỉnh');
  });

  it('returns an empty string for markup without text', () => {
    expect(htmlToPlainText('<p> </p><br><svg><text>x</text></svg>')).toBe('');
  });
});
