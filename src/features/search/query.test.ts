import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, parseQuery } from './query.ts';
import { compareHits, containsWord, scoreItem, type RankInput } from './rank.ts';
import { makeSnippet } from './snippet.ts';
import { foldedStream, numberKey, terms } from './analyze.ts';
import { ftsMatch } from './sqlite-backend.ts';
import { tsQuery } from './postgres-backend.ts';

function doc(title: string, body: string, number: string | null = null): RankInput {
  return {
    title,
    body,
    titleF: foldedStream(terms(title)),
    bodyF: foldedStream(terms(body)),
    numberKey: numberKey(number),
  };
}

describe('parseQuery', () => {
  it('keeps exact and folded forms and notes which terms carry marks', () => {
    const q = parseQuery('Nghị quyet  ');
    expect(q.terms).toEqual([
      { exact: 'nghị', folded: 'nghi', marked: true, prefix: false },
      { exact: 'quyet', folded: 'quyet', marked: false, prefix: false },
    ]);
    expect(q.bigrams).toEqual(['nghi quyet']);
  });

  it('treats the last word as a prefix while it is being typed', () => {
    expect(parseQuery('chuyen do').terms.at(-1)?.prefix).toBe(true);
    expect(parseQuery('chuyen do ').terms.at(-1)?.prefix).toBe(false);
    expect(parseQuery('số 02').terms.at(-1)?.prefix).toBe(false);
  });

  it('drops operators and keeps their words as words', () => {
    const q = parseQuery('"chuyển đổi" AND số* -NEAR: (x)');
    expect(q.terms.map((t) => t.folded)).toEqual(['chuyen', 'doi', 'and', 'so', 'near', 'x']);
    expect(q.bigrams).toEqual(['chuyen doi', 'and so']);
  });

  it('offers compacted runs after a number as document numbers', () => {
    expect(parseQuery('nghi quyet 02 nq tu').numberKeys).toEqual(['02nq', '02nqtu']);
    expect(parseQuery('02-NQ/TU').numberKeys).toEqual(['02nq', '02nqtu']);
  });

  it('cuts long input and says so', () => {
    const q = parseQuery('a'.repeat(500));
    expect(q.truncated).toBe(true);
    expect(q.text.length).toBe(MAX_QUERY_CHARS);
    expect(parseQuery('một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba').truncated).toBe(
      true,
    );
    expect(parseQuery('😀'.repeat(150)).text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  });

  it('has no terms for empty, emoji-only or punctuation-only input', () => {
    for (const s of ['', '   ', '😀🇻🇳', '"*-:()']) expect(parseQuery(s).terms).toEqual([]);
  });
});

describe('query languages', () => {
  it('quotes every FTS5 term', () => {
    expect(ftsMatch(parseQuery('AND "x" NEAR'), 'all')).toBe('{title_f body_f}: ("and" AND "x" AND "near"*)');
    expect(ftsMatch(parseQuery('02-NQ/TU '), 'any')).toBe(
      '({title_f body_f}: ("02" OR "nq" OR "tu")) OR number_key: ("02nq" OR "02nqtu")',
    );
  });

  it('quotes every tsquery lexeme', () => {
    expect(tsQuery(parseQuery("l'x & y"), 'all')).toBe("('l' & 'x' & 'y':*)");
  });
});

describe('scoreItem', () => {
  it('ranks exact diacritics above folded ones', () => {
    const q = parseQuery('đổi mới ');
    expect(scoreItem(q, doc('a', 'đổi mới'))).toBeGreaterThan(scoreItem(q, doc('a', 'đôi mới')));
    const plain = parseQuery('doi moi ');
    expect(scoreItem(plain, doc('a', 'đổi mới'))).toBe(scoreItem(plain, doc('a', 'đôi mới')));
  });

  it('ranks a phrase above scattered words and the title above the body', () => {
    const q = parseQuery('chuyển đổi số ');
    const phrase = scoreItem(q, doc('x', 'chuyển đổi số'));
    expect(phrase).toBeGreaterThan(scoreItem(q, doc('x', 'số hộ chuyển và đổi')));
    expect(scoreItem(q, doc('chuyển đổi số', 'x'))).toBeGreaterThan(phrase);
  });

  it('does not count a pair across punctuation as a phrase', () => {
    const q = parseQuery('hà nội thái bình ');
    expect(scoreItem(q, doc('x', 'Hà Nội thái bình'))).toBeGreaterThan(
      scoreItem(q, doc('x', 'Hà Nội, thái bình')),
    );
  });

  it('boosts the typed document number above everything', () => {
    const q = parseQuery('02/NQ-TU ');
    expect(scoreItem(q, doc('x', 'y', '02-NQ/TU'))).toBeGreaterThan(
      scoreItem(q, doc('02 NQ TU', '02 NQ TU')),
    );
  });

  it('breaks ties by date, newest first', () => {
    const hits = [
      { score: 1, date: '2020-01-01', title: 'a' },
      { score: 2, date: '2019-01-01', title: 'b' },
      { score: 1, date: '2021-01-01', title: 'c' },
    ].sort(compareHits);
    expect(hits.map((h) => h.title)).toEqual(['b', 'c', 'a']);
  });
});

describe('containsWord', () => {
  it('matches whole words only unless asked for a prefix', () => {
    expect(containsWord(' chuyen doi ', 'doi')).toBe(true);
    expect(containsWord(' chuyen doimoi ', 'doi')).toBe(false);
    expect(containsWord(' chuyen doimoi ', 'doi', true)).toBe(true);
    expect(containsWord('đổi mới', 'đổi')).toBe(true);
    expect(containsWord('sự đổi', 'đổi')).toBe(true);
  });
});

describe('makeSnippet', () => {
  it('picks the passage with most query words and marks them', () => {
    const body = `${'Mở đầu dài dòng. '.repeat(40)}Đẩy mạnh chuyển đổi số ở cơ quan. ${'Kết thúc. '.repeat(40)}`;
    const s = makeSnippet(body, parseQuery('chuyen doi so '));
    expect(s.text.startsWith('… ')).toBe(true);
    expect(s.text.endsWith(' …')).toBe(true);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['chuyển', 'đổi', 'số']);
  });

  it('returns the start of the body when nothing matches, and handles text with markup characters as text', () => {
    const s = makeSnippet('<b>Xin chào</b> & "bạn"', parseQuery('khong co '));
    expect(s.text).toBe('<b>Xin chào</b> & "bạn"');
    expect(s.highlights).toEqual([]);
  });
});
