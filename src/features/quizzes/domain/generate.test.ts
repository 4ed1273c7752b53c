import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findFacts, fold, splitParagraphs } from '../../../text/index.ts';
import {
  generateQuestions,
  isValidQuestion,
  type GeneratedQuestion,
  type SourceParagraph,
} from './generate.ts';
import { DIGITAL_RESOLUTION } from './fixtures.ts';

function paragraphOf(paragraphs: SourceParagraph[], q: GeneratedQuestion): string {
  return paragraphs.find((p) => p.id === q.paragraphId)!.text;
}

function expectSound(paragraphs: SourceParagraph[], questions: GeneratedQuestion[]) {
  for (const q of questions) {
    const para = fold(paragraphOf(paragraphs, q));
    const where = `${q.stem} ${JSON.stringify(q.options)}`;
    for (const e of q.evidence) expect(para, where).toContain(fold(e));
    const keys = q.options.map((o) => fold(o));
    expect(new Set(keys).size, where).toBe(keys.length);
    expect(q.correct.length, where).toBeGreaterThan(0);
    const right = q.correct.map((i) => keys[i]);
    const wrong = keys.filter((_, i) => !q.correct.includes(i));
    for (const w of wrong) expect(right, where).not.toContain(w);
  }
}

describe('findFacts', () => {
  it('finds percentages, years, dates, counts and amounts', () => {
    const facts = findFacts(
      'Ngày 19/11/2021, tỉnh đặt mục tiêu năm 2025 có 80% dịch vụ và 8 nhóm giải pháp với 1.200 tỷ đồng',
    );
    expect(facts.map((f) => [f.kind, f.value])).toEqual([
      ['date', '19/11/2021'],
      ['year', '2025'],
      ['percent', '80%'],
      ['count', '8'],
      ['money', '1.200'],
    ]);
  });

  it('does not take document numbers, levels and ranks for counts', () => {
    const kinds = findFacts(
      'Nghị quyết số 02-NQ/TU, dịch vụ mức độ 4 được cung cấp, xếp thứ 48/63 tỉnh, lần thứ 3 họp',
    ).map((f) => f.value);
    expect(kinds).toEqual([]);
  });

  it('reads an impossible date as no date', () => {
    expect(findFacts('ngày 31/02/2021 có họp').filter((f) => f.kind === 'date')).toEqual([]);
  });
});

describe('generateQuestions', () => {
  const questions = generateQuestions(DIGITAL_RESOLUTION, { seed: 3 });

  it('asks about a target as in the resolution, with the right answer among four options', () => {
    const q = questions.find((x) => x.origin === 'percent' && x.stem.includes('dịch vụ công trực tuyến'));
    expect(
      q,
      JSON.stringify(
        questions.map((x) => x.stem),
        null,
        1,
      ),
    ).toBeDefined();
    expect(q!.stem).toContain('bao nhiêu phần trăm');
    expect(q!.stem.endsWith('?')).toBe(true);
    expect(q!.options).toHaveLength(4);
    expect(q!.options[q!.correct[0]!]).toBe('80%');
    expect(q!.paragraphId).toBe('p2');
  });

  it('asks for years, amounts and counts in place', () => {
    const stems = questions.map((q) => q.stem);
    expect(stems.some((s) => s.includes('năm nào'))).toBe(true);
    expect(stems.some((s) => s.includes('bao nhiêu tỷ đồng') || s.includes('1.200 tỷ đồng'))).toBe(true);
    expect(stems.some((s) => s.includes('bao nhiêu nhóm giải pháp') || s.includes('bao nhiêu trụ cột'))).toBe(
      true,
    );
  });

  it('turns a list into a choose-all question whose right answers are the listed items', () => {
    const q = questions.find((x) => x.origin === 'list');
    expect(q).toBeDefined();
    expect(q!.kind).toBe('multiple');
    const right = q!.correct.map((i) => q!.options[i]);
    for (const r of right) expect(paragraphOf(DIGITAL_RESOLUTION, q!)).toContain(r);
  });

  it('mixes in true/false statements whose answer matches the text', () => {
    const tf = questions.filter((q) => q.kind === 'true_false');
    expect(tf.length).toBeGreaterThan(0);
    for (const q of tf) {
      const statement = q.stem.replace(/^Đúng hay sai: “|”$/g, '');
      const written = fold(paragraphOf(DIGITAL_RESOLUTION, q)).includes(fold(statement));
      expect(q.options[q.correct[0]!], q.stem).toBe(written ? 'Đúng' : 'Sai');
    }
  });

  it('cites a paragraph that holds every answer, and distractors differ from the answer', () => {
    expect(questions.length).toBeGreaterThan(8);
    expectSound(DIGITAL_RESOLUTION, questions);
  });

  it('never asks about the resolution number or a service level as a count', () => {
    for (const q of questions) {
      expect(q.stem).not.toMatch(/Nghị quyết số bao nhiêu/);
      expect(q.stem).not.toMatch(/mức độ bao nhiêu/);
    }
  });

  it('is repeatable for a seed', () => {
    expect(generateQuestions(DIGITAL_RESOLUTION, { seed: 3 })).toEqual(questions);
  });

  it('discards a question whose answer is not in the cited paragraph, or with repeated options', () => {
    const q: GeneratedQuestion = {
      kind: 'single',
      stem: 'Đến năm 2025 có bao nhiêu phần trăm dịch vụ công trực tuyến mức độ 4?',
      options: ['80%', '70%', '60%', '90%'],
      correct: [0],
      paragraphId: 'p2',
      evidence: ['80%'],
      origin: 'percent',
    };
    const text = DIGITAL_RESOLUTION[1]!.text;
    expect(isValidQuestion(q, text)).toBe(true);
    expect(isValidQuestion({ ...q, evidence: ['99,9%'] }, text)).toBe(false);
    expect(isValidQuestion({ ...q, options: ['80%', '80 %', '70%', '60%'] }, text)).toBe(false);
    expect(isValidQuestion({ ...q, correct: [] }, text)).toBe(false);
    expect(isValidQuestion({ ...q, correct: [4] }, text)).toBe(false);
  });

  it('copes with empty and odd input', () => {
    expect(generateQuestions([])).toEqual([]);
    expect(generateQuestions([{ id: 'x', text: '🙂🙂 1..2 %% ;;; :' }])).toEqual([]);
  });
});

// The source articles of the product, when this machine has them: every generated question must hold.
const SEEDS = new URL('../../../../../shared/seeds/', import.meta.url);
describe.runIf(existsSync(SEEDS))('generation over the source articles', () => {
  for (const file of existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')) : []) {
    it(file, () => {
      const text = readFileSync(new URL(file, SEEDS), 'utf8');
      const paragraphs = splitParagraphs(text).map((p, i) => ({ id: `p${i}`, text: p.text }));
      const questions = generateQuestions(paragraphs, { max: 500 });
      expect(questions.length).toBeGreaterThan(5);
      expectSound(paragraphs, questions);
    });
  }
});
