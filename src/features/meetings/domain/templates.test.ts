import { describe, expect, it } from 'vitest';
import type { ProcedureTemplate } from './templates.ts';
import {
  DEFAULT_TEMPLATES,
  REGULAR_AND_THEMED_MEETING_TEMPLATE,
  REGULAR_MEETING_TEMPLATE,
  THEMED_MEETING_TEMPLATE,
  validateTemplate,
} from './templates.ts';

describe('default procedure templates', () => {
  it('the regular meeting follows the usual order', () => {
    expect(REGULAR_MEETING_TEMPLATE.steps.map((s) => s.kind)).toEqual([
      'dues',
      'roll_call',
      'agenda_approval',
      'minute_taker',
      'information',
      'review',
      'opinions',
      'tasks',
      'discussion',
      'vote',
      'quality_score',
      'minutes',
      'closing',
    ]);
  });

  it('the themed meeting presents the theme, discusses and concludes', () => {
    const kinds = THEMED_MEETING_TEMPLATE.steps.map((s) => s.kind);
    expect(kinds.indexOf('themed_topic')).toBeLessThan(kinds.indexOf('discussion'));
    expect(kinds.indexOf('discussion')).toBeLessThan(kinds.indexOf('conclusion'));
    expect(kinds).not.toContain('review');
  });

  it('the combined meeting holds both parts', () => {
    const kinds = REGULAR_AND_THEMED_MEETING_TEMPLATE.steps.map((s) => s.kind);
    expect(kinds).toContain('review');
    expect(kinds).toContain('themed_topic');
  });

  it('all defaults are valid, with Vietnamese titles in NFC', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(validateTemplate(t)).toEqual([]);
      for (const s of t.steps) {
        expect(s.title.normalize('NFC')).toBe(s.title);
        expect(s.description.length).toBeGreaterThan(0);
      }
    }
    expect(REGULAR_MEETING_TEMPLATE.steps[1]?.title).toBe('Điểm danh');
  });

  it('only quality scoring and the themed vote are optional', () => {
    const optional = DEFAULT_TEMPLATES.flatMap((t) =>
      t.steps.filter((s) => s.optional).map((s) => `${t.id}:${s.key}`),
    );
    expect(optional).toEqual([
      'default-regular:quality',
      'default-themed:vote',
      'default-themed:quality',
      'default-regular-and-themed:quality',
    ]);
  });
});

describe('validateTemplate', () => {
  it('finds an edited template that cannot work', () => {
    const bad: ProcedureTemplate = {
      id: 'x',
      meetingKind: 'regular',
      title: 'Sửa đổi',
      steps: [
        { key: 'vote', kind: 'vote', title: 'Biểu quyết', description: '' },
        { key: 'roll', kind: 'roll_call', title: ' ', description: '' },
        { key: 'roll', kind: 'closing', title: 'Bế mạc', description: '' },
      ],
    };
    expect(validateTemplate(bad)).toEqual([
      { code: 'TEMPLATE_VOTE_BEFORE_ROLL_CALL', key: 'vote' },
      { code: 'TEMPLATE_TITLE_MISSING', key: 'roll' },
      { code: 'TEMPLATE_DUPLICATE_KEY', key: 'roll' },
    ]);
    expect(validateTemplate({ ...bad, steps: [] })).toEqual([{ code: 'TEMPLATE_EMPTY' }]);
  });
});
