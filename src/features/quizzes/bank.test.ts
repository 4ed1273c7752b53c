import { describe, expect, it } from 'vitest';
import { answerInParagraph } from './bank.ts';
import { generateQuestions } from './domain/generate.ts';
import { DIGITAL_RESOLUTION } from './domain/fixtures.ts';

const text = (id: string) => DIGITAL_RESOLUTION.find((p) => p.id === id)!.text;

describe('answerInParagraph', () => {
  it('holds for every generated question the generator keeps', () => {
    for (const seed of [1, 2, 3]) {
      for (const q of generateQuestions(DIGITAL_RESOLUTION, { seed })) {
        expect(answerInParagraph(q, text(q.paragraphId)), q.stem).not.toBe(false);
      }
    }
  });

  it('fails when the correct option is not written in the paragraph, ignoring case, accents and spaces', () => {
    const para = 'Đến năm 2025 có 80% hồ sơ công việc được xử lý trên môi trường mạng.';
    const q = { kind: 'single' as const, stem: 'Bao nhiêu?', options: ['80 %', '95%'], correct: [0] };
    expect(answerInParagraph(q, para)).toBe(true);
    expect(answerInParagraph({ ...q, correct: [1] }, para)).toBe(false);
    expect(answerInParagraph({ ...q, kind: 'multiple', correct: [0, 1] }, para)).toBe(false);
    const statement = { kind: 'true_false' as const, options: ['Đúng', 'Sai'] };
    expect(
      answerInParagraph(
        { ...statement, stem: 'Đúng hay sai: “Đến NĂM 2025 có 80% hồ sơ”', correct: [0] },
        para,
      ),
    ).toBe(true);
    expect(
      answerInParagraph(
        { ...statement, stem: 'Đúng hay sai: “Đến năm 2030 có 80% hồ sơ”', correct: [0] },
        para,
      ),
    ).toBe(false);
    expect(
      answerInParagraph(
        { ...statement, stem: 'Đúng hay sai: “Đến năm 2030 có 80% hồ sơ”', correct: [1] },
        para,
      ),
    ).toBeNull();
  });
});
