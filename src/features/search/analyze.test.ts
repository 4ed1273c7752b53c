import { describe, expect, it } from 'vitest';
import { capText, foldedStream, numberKey, terms } from './analyze.ts';
import { tsvectorLiteral } from './pg-vector.ts';

describe('terms', () => {
  it('keeps the exact lower-cased syllable and its folded form', () => {
    const t = terms('Nghị quyết Đảng');
    expect(t.map((x) => x.exact)).toEqual(['nghị', 'quyết', 'đảng']);
    expect(t.map((x) => x.folded)).toEqual(['nghi', 'quyet', 'dang']);
  });

  it('splits document codes and dates into parts with offsets into the text', () => {
    const text = 'Số 749/QĐ-TTg ngày 19/11/2021';
    const t = terms(text);
    expect(t.map((x) => x.folded)).toEqual(['so', '749', 'qd', 'ttg', 'ngay', '19', '11', '2021']);
    for (const x of t) expect(text.slice(x.start, x.end).toLowerCase()).toBe(x.exact);
  });

  it('marks punctuation breaks in the folded stream', () => {
    expect(foldedStream(terms('Hà Nội, Thái Bình'))).toBe('ha noi | thai binh');
  });
});

describe('numberKey', () => {
  it('folds and compacts document numbers', () => {
    expect(numberKey('02-NQ/TU')).toBe('02nqtu');
    expect(numberKey('749/QĐ-TTg')).toBe('749qdttg');
    expect(numberKey(' - ')).toBeNull();
    expect(numberKey(null)).toBeNull();
  });
});

describe('capText', () => {
  it('never cuts a surrogate pair in half', () => {
    const s = `${'a'.repeat(9)}😀`;
    expect(capText(s, 10)).toBe('a'.repeat(9));
    expect(capText(s, 11)).toBe(s);
  });
});

describe('tsvectorLiteral', () => {
  it('weights title above body and leaves a gap at punctuation', () => {
    const v = tsvectorLiteral(terms('Tiêu đề'), terms('Nội dung, tiêu'), '02nqtu');
    // title 1-2, gap, body starts after its own break marker
    expect(v).toBe("'tieu':1A,8D 'de':2A 'noi':5D 'dung':6D '02nqtu':1A");
  });

  it('quotes lexemes so no character acts as an operator', () => {
    const odd = [{ exact: "l'x\\", folded: "l'x\\", start: 0, end: 4, breakBefore: true }];
    expect(tsvectorLiteral(odd, [], null)).toBe("'l''x\\\\':1A");
  });
});
