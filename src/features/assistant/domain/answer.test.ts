import { describe, expect, it } from 'vitest';
import { DIGITAL_RESOLUTION } from '../../quizzes/domain/fixtures.ts';
import { answerExact, answerF1, extractAnswer, type Passage } from './answer.ts';
import { analyseQuestion } from './question.ts';

const passages: Passage[] = [
  ...DIGITAL_RESOLUTION.map((p) => ({
    id: p.id,
    documentId: 'nq02',
    title: 'Nghị quyết 02-NQ/TU về chuyển đổi số',
    text: p.text,
  })),
  {
    id: 'g1',
    documentId: 'guide-transfer',
    title: 'Hướng dẫn chuyển sinh hoạt đảng tạm thời',
    text: 'Thủ tục chuyển sinh hoạt đảng tạm thời: đảng viên làm đơn gửi chi bộ. Chi ủy xem xét, ghi nhận xét và đề nghị đảng ủy cấp giấy giới thiệu. Đảng viên nộp giấy giới thiệu cho chi bộ nơi đến trong thời hạn 30 ngày.',
  },
  {
    id: 'n1',
    documentId: 'news-1',
    title: 'Hội nghị sơ kết',
    text: 'Phát biểu tại hội nghị, ông Vũ Xuân Thành, Phó Giám đốc Sở Thông tin và Truyền thông, nhấn mạnh vai trò của người đứng đầu trong chuyển đổi số.',
  },
];

describe('analyseQuestion', () => {
  it.each([
    ['Đến năm 2025 kinh tế số chiếm bao nhiêu phần trăm GRDP?', 'percent'],
    ['den nam nao kinh te so chiem 30% GRDP', 'year'],
    ['Nghị quyết nêu bao nhiêu nhóm giải pháp?', 'number'],
    ['Ai là Phó Giám đốc Sở Thông tin và Truyền thông?', 'person'],
    ['thu tuc chuyen sinh hoat dang tam thoi', 'procedure'],
    ['Nghị quyết 02 đặt mục tiêu gì cho kinh tế số?', 'text'],
  ])('%s → %s', (q, type) => {
    expect(analyseQuestion(q).type).toBe(type);
  });

  it('keeps content syllables, folded, and drops question words', () => {
    const q = analyseQuestion('Kinh tế số chiếm bao nhiêu phần trăm?');
    expect(q.terms).toEqual(expect.arrayContaining(['kinh', 'te', 'so', 'chiem']));
    expect(q.terms).not.toContain('bao');
    expect(q.bigrams).toContain('kinh te');
  });

  it('caps very long questions', () => {
    expect(analyseQuestion('chuyển đổi số '.repeat(500)).text.length).toBeLessThanOrEqual(500);
  });
});

describe('extractAnswer', () => {
  it('answers a percentage with the value for the year asked, with or without diacritics', () => {
    const a = extractAnswer('Đến năm 2025 kinh tế số chiếm bao nhiêu phần trăm GRDP?', passages);
    expect(a.found).toBe(true);
    expect(a.answer).toBe('20%');
    expect(a.passage?.id).toBe('p3');
    const b = extractAnswer('den nam 2030 kinh te so chiem bao nhieu phan tram GRDP', passages);
    expect(b.answer).toBe('30%');
  });

  it('answers a year', () => {
    const a = extractAnswer('Năm nào tỉnh đạt 100% dịch vụ công trực tuyến mức độ 4?', passages);
    expect(a.found).toBe(true);
    expect(a.answer).toBe('năm 2030');
  });

  it('answers a count with its noun', () => {
    const a = extractAnswer('Nghị quyết nêu bao nhiêu nhóm giải pháp?', passages);
    expect(a.answer).toBe('8 nhóm giải pháp');
    expect(a.passage?.id).toBe('p4');
  });

  it('answers a rank and a count asked with "mấy"', () => {
    expect(extractAnswer('Năm 2020 chỉ số chuyển đổi số của tỉnh xếp thứ mấy?', passages).answer).toBe(
      'thứ 48/63',
    );
    expect(extractAnswer('Nghị quyết có mấy trụ cột chính?', passages).answer).toBe('3 trụ cột chính');
  });

  it('answers a person by name', () => {
    const a = extractAnswer('Ai là Phó Giám đốc Sở Thông tin và Truyền thông?', passages);
    expect(a.answer).toBe('ông Vũ Xuân Thành');
  });

  it('answers a procedure with its steps, typed without diacritics', () => {
    const a = extractAnswer('thu tuc chuyen sinh hoat dang tam thoi', passages);
    expect(a.found).toBe(true);
    expect(a.passage?.id).toBe('g1');
    expect(a.answer).toContain('giấy giới thiệu');
  });

  it('returns the sentence for an open question', () => {
    const a = extractAnswer('Nghị quyết 02 đặt mục tiêu gì cho kinh tế số năm 2025?', passages);
    expect(a.found).toBe(true);
    expect(a.answer).toContain('kinh tế số chiếm 20% GRDP');
  });

  it('says it does not know when nothing covers the question', () => {
    const a = extractAnswer('Giá vé máy bay đi Đà Nẵng tháng sau là bao nhiêu?', passages);
    expect(a.found).toBe(false);
    expect(a.answer).toBe('');
  });

  it('copes with empty questions, emoji and no passages', () => {
    expect(extractAnswer('', passages).found).toBe(false);
    expect(extractAnswer('🙂🙂🙂', passages).found).toBe(false);
    expect(extractAnswer('kinh tế số', []).found).toBe(false);
  });
});

describe('answer metrics', () => {
  it('scores exact match and token F1 on folded syllables', () => {
    expect(answerExact('20 %', '20%')).toBe(true);
    expect(answerExact('Năm 2030', 'năm 2030')).toBe(true);
    expect(answerExact('30%', '20%')).toBe(false);
    expect(answerF1('kinh tế số chiếm 20% GRDP', 'kinh te so chiem 20% GRDP')).toBe(1);
    expect(answerF1('kinh tế số', 'kinh tế số chiếm 20% GRDP')).toBeCloseTo((2 * (1 * 0.5)) / 1.5, 5);
    expect(answerF1('', 'x')).toBe(0);
  });
});
