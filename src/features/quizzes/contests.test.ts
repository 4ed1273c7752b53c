import { describe, expect, it } from 'vitest';
import { layoutFor } from './contests.ts';
import type { Question } from './bank.ts';

const questions: Question[] = Array.from({ length: 12 }, (_, i) => ({
  id: `q${String(i).padStart(2, '0')}`,
  documentId: 'd',
  kind: i % 4 === 3 ? 'true_false' : 'single',
  stem: `Câu ${i}`,
  options: i % 4 === 3 ? ['Đúng', 'Sai'] : ['A', 'B', 'C', 'D'],
  correct: [0],
  paragraphId: 'p',
  tags: [],
  status: 'accepted',
  origin: 'manual',
  createdAt: '',
  updatedAt: '',
}));

describe('layoutFor', () => {
  it('is the same paper for the same attempt and another paper for another attempt', () => {
    const a = layoutFor('attempt-a', questions, 10);
    expect(layoutFor('attempt-a', [...questions].reverse(), 10)).toEqual(a);
    const b = layoutFor('attempt-b', questions, 10);
    expect(b).not.toEqual(a);
    expect(a).toHaveLength(10);
    expect(new Set(a.map((s) => s.questionId)).size).toBe(10);
  });

  it('permutes the options of choice questions and keeps "Đúng / Sai" in order', () => {
    const slots = layoutFor('attempt-c', questions, 12);
    for (const s of slots) {
      const q = questions.find((x) => x.id === s.questionId)!;
      expect([...s.order].sort()).toEqual(q.options.map((_, i) => i));
      if (q.kind === 'true_false') expect(s.order).toEqual([0, 1]);
    }
    expect(slots.some((s) => s.order.join() !== '0,1,2,3' && s.order.length === 4)).toBe(true);
  });
});
