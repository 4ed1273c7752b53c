import { describe, expect, it } from 'vitest';
import type { ResolutionDraft } from './drafts.ts';
import { diffDrafts, taskLine } from './drafts.ts';

const v1: ResolutionDraft = {
  title: 'Nghị quyết chi bộ tháng 10 năm 2025',
  assessment: [
    'Trong tháng, chi bộ lãnh đạo nhân dân thu hoạch lúa mùa đạt 95% diện tích.',
    'Công tác chuyển đổi số có chuyển biến; 80% đảng viên đã cài đặt Sổ tay đảng viên điện tử.',
    'Một số đảng viên chưa tích cực tham gia ý kiến trên phần mềm.',
  ],
  tasks: [
    { id: 't1', content: 'Hoàn thành thu hoạch lúa mùa', owner: 'Chi ủy', deadline: '2025-11-10' },
    {
      id: 't2',
      content: 'Hướng dẫn đảng viên cao tuổi sử dụng Sổ tay',
      owner: 'đ/c Nhung',
      deadline: '2025-11-30',
    },
  ],
};

describe('diffDrafts', () => {
  it('reports no change between identical drafts, even with stray spaces or decomposed accents', () => {
    const copy: ResolutionDraft = {
      ...v1,
      assessment: v1.assessment.map((p, i) => (i === 0 ? `  ${p.normalize('NFD')}  ` : p.replace(' ', '  '))),
    };
    const d = diffDrafts(v1, copy);
    expect(d.stats).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 6 });
  });

  it('shows a revised paragraph as one edit with the changed words', () => {
    const v2: ResolutionDraft = {
      ...v1,
      assessment: [
        v1.assessment[0] as string,
        'Công tác chuyển đổi số có chuyển biến rõ; 85% đảng viên đã cài đặt Sổ tay đảng viên điện tử.',
        v1.assessment[2] as string,
      ],
    };
    const d = diffDrafts(v1, v2);
    expect(d.assessment.map((c) => c.type)).toEqual(['unchanged', 'changed', 'unchanged']);
    const edit = d.assessment[1];
    if (edit?.type !== 'changed') throw new Error('expected an edit');
    expect(edit.inline.filter((p) => p.type === 'removed').map((p) => p.text)).toEqual(['80']);
    expect(edit.inline.filter((p) => p.type === 'added').map((p) => p.text.trim())).toEqual(['rõ', '85']);
    // Reassembling the "same" and "added" parts gives the new paragraph back.
    expect(
      edit.inline
        .filter((p) => p.type !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(edit.after);
  });

  it('shows inserted and deleted paragraphs in place', () => {
    const v2: ResolutionDraft = {
      ...v1,
      assessment: [
        v1.assessment[0] as string,
        'Phong trào xây dựng nông thôn mới kiểu mẫu được nhân dân đồng tình hưởng ứng.',
        v1.assessment[1] as string,
      ],
    };
    const d = diffDrafts(v1, v2);
    expect(d.assessment).toEqual([
      { type: 'unchanged', text: v1.assessment[0] },
      {
        type: 'added',
        text: 'Phong trào xây dựng nông thôn mới kiểu mẫu được nhân dân đồng tình hưởng ứng.',
      },
      { type: 'unchanged', text: v1.assessment[1] },
      { type: 'removed', text: v1.assessment[2] },
    ]);
  });

  it('does not pair a paragraph with an unrelated replacement', () => {
    const v2: ResolutionDraft = {
      ...v1,
      assessment: [...v1.assessment.slice(0, 2), 'Bổ sung quỹ khuyến học.'],
    };
    const d = diffDrafts(v1, v2);
    expect(d.assessment.slice(2).map((c) => c.type)).toEqual(['removed', 'added']);
  });

  it('matches tasks by id, so a new deadline or owner is an edit of the same task', () => {
    const v2: ResolutionDraft = {
      ...v1,
      tasks: [
        { id: 't1', content: 'Hoàn thành thu hoạch lúa mùa', owner: 'Chi ủy', deadline: '2025-11-15' },
        v1.tasks[1] as (typeof v1.tasks)[number],
        { id: 't3', content: 'Thu đảng phí quý IV', owner: 'đ/c Xuyến' },
      ],
    };
    const d = diffDrafts(v1, v2);
    expect(d.tasks.map((c) => c.type)).toEqual(['changed', 'unchanged', 'added']);
    const edit = d.tasks[0];
    if (edit?.type !== 'changed') throw new Error('expected an edit');
    expect(edit.before).toBe('Hoàn thành thu hoạch lúa mùa — Phụ trách: Chi ủy; thời hạn: 10/11/2025');
    expect(edit.after).toBe('Hoàn thành thu hoạch lúa mùa — Phụ trách: Chi ủy; thời hạn: 15/11/2025');
    expect(d.tasks[2]).toEqual({ type: 'added', text: 'Thu đảng phí quý IV — Phụ trách: đ/c Xuyến' });
  });

  it('matches tasks without ids by their text', () => {
    const noIds = (d: ResolutionDraft): ResolutionDraft => ({
      ...d,
      tasks: d.tasks.map((t) => ({
        content: t.content,
        owner: t.owner,
        ...(t.deadline ? { deadline: t.deadline } : {}),
      })),
    });
    const v2 = noIds({ ...v1, tasks: [v1.tasks[1] as (typeof v1.tasks)[number]] });
    const d = diffDrafts(noIds(v1), v2);
    expect(d.tasks.map((c) => c.type)).toEqual(['removed', 'unchanged']);
  });

  it('reports a changed title and counts every kind of change', () => {
    const v2: ResolutionDraft = { ...v1, title: 'Nghị quyết chi bộ tháng 11 năm 2025', tasks: [] };
    const d = diffDrafts(v1, v2);
    expect(d.title?.type).toBe('changed');
    expect(d.stats).toEqual({ added: 0, removed: 2, changed: 1, unchanged: 3 });
  });
});

describe('taskLine', () => {
  it('writes a task the way a resolution does', () => {
    expect(
      taskLine({ content: 'Vận động hội viên tham gia hiến máu', owner: 'đ/c Hùng', deadline: '2025-12-05' }),
    ).toBe('Vận động hội viên tham gia hiến máu — Phụ trách: đ/c Hùng; thời hạn: 05/12/2025');
  });
});
