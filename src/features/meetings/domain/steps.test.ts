import { describe, expect, it } from 'vitest';
import type { AdvanceResult, MeetingAction, MeetingState } from './steps.ts';
import { advanceStep, createMeetingState, currentStep } from './steps.ts';
import type { StepTemplate } from './templates.ts';

const AT = '2025-11-05T12:30:00.000Z';
const template: StepTemplate[] = [
  { key: 'roll_call', kind: 'roll_call', title: 'Điểm danh', description: '' },
  { key: 'quality', kind: 'quality_score', title: 'Chấm điểm', description: '', optional: true },
  { key: 'minutes', kind: 'minutes', title: 'Thông qua biên bản', description: '' },
];

function must(result: AdvanceResult): MeetingState {
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.state;
}

function run(state: MeetingState, ...actions: MeetingAction[]): MeetingState {
  return actions.reduce((s, a) => must(advanceStep(s, a)), state);
}

const live = () => run(createMeetingState(template), { type: 'publish', at: AT }, { type: 'start', at: AT });

describe('meeting step machine', () => {
  it('goes draft → published → live → ended → minutes_approved, bumping the version each time', () => {
    let s = createMeetingState(template);
    expect(s).toMatchObject({ status: 'draft', version: 1 });
    s = run(s, { type: 'publish', at: AT });
    expect(s).toMatchObject({ status: 'published', version: 2, publishedAt: AT });
    s = run(s, { type: 'start', at: AT });
    expect(s.status).toBe('live');
    s = run(
      s,
      { type: 'open_step', stepId: '1-roll_call', at: AT },
      { type: 'close_step', stepId: '1-roll_call', at: AT },
      { type: 'skip_step', stepId: '2-quality', at: AT },
      { type: 'open_step', stepId: '3-minutes', at: AT },
      { type: 'close_step', stepId: '3-minutes', at: AT },
      { type: 'end', at: AT },
    );
    expect(s).toMatchObject({ status: 'ended', version: 9, endedAt: AT });
    expect(s.steps.map((x) => x.state)).toEqual(['closed', 'skipped', 'closed']);
    s = run(s, { type: 'approve_minutes', at: AT });
    expect(s).toMatchObject({ status: 'minutes_approved', version: 10 });
  });

  it('opens the next step only when the current one is closed', () => {
    const s = run(live(), { type: 'open_step', stepId: '1-roll_call', at: AT });
    expect(advanceStep(s, { type: 'skip_step', stepId: '2-quality', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_STEP_OUT_OF_ORDER',
    });
    expect(advanceStep(s, { type: 'open_step', stepId: '3-minutes', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_STEP_OUT_OF_ORDER',
    });
  });

  it('refuses jumping ahead, reopening a closed step, and skipping a required one', () => {
    const s = live();
    expect(advanceStep(s, { type: 'open_step', stepId: '3-minutes', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_STEP_OUT_OF_ORDER',
    });
    expect(advanceStep(s, { type: 'skip_step', stepId: '1-roll_call', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_STEP_NOT_SKIPPABLE',
    });
    const closed = run(
      s,
      { type: 'open_step', stepId: '1-roll_call', at: AT },
      { type: 'close_step', stepId: '1-roll_call', at: AT },
    );
    expect(advanceStep(closed, { type: 'open_step', stepId: '1-roll_call', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_STEP_OUT_OF_ORDER',
    });
    expect(advanceStep(closed, { type: 'close_step', stepId: '2-quality', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_STEP_NOT_OPEN',
    });
    expect(advanceStep(closed, { type: 'open_step', stepId: 'nope', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_STEP_NOT_FOUND',
    });
  });

  it('does not run steps before the meeting is live', () => {
    const s = createMeetingState(template);
    expect(advanceStep(s, { type: 'open_step', stepId: '1-roll_call', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_NOT_LIVE',
    });
    expect(advanceStep(s, { type: 'start', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_INVALID_TRANSITION',
    });
  });

  it('cannot end with steps left', () => {
    expect(advanceStep(live(), { type: 'end', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_STEPS_INCOMPLETE',
    });
  });

  it('refuses every change on a closed meeting except approving the minutes of an ended one', () => {
    const ended = run(
      live(),
      { type: 'open_step', stepId: '1-roll_call', at: AT },
      { type: 'close_step', stepId: '1-roll_call', at: AT },
      { type: 'skip_step', stepId: '2-quality', at: AT },
      { type: 'open_step', stepId: '3-minutes', at: AT },
      { type: 'close_step', stepId: '3-minutes', at: AT },
      { type: 'end', at: AT },
    );
    for (const action of [
      { type: 'open_step', stepId: '1-roll_call', at: AT },
      { type: 'start', at: AT },
      { type: 'set_programme', steps: template },
      { type: 'end', at: AT },
    ] satisfies MeetingAction[]) {
      expect(advanceStep(ended, action)).toEqual({ ok: false, code: 'MEETING_CLOSED' });
    }
    const approved = run(ended, { type: 'approve_minutes', at: AT });
    expect(advanceStep(approved, { type: 'approve_minutes', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_CLOSED',
    });
  });

  it('approving minutes needs an ended meeting', () => {
    expect(advanceStep(live(), { type: 'approve_minutes', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_NOT_ENDED',
    });
  });

  it('refuses a stale version so two secretaries cannot overwrite each other', () => {
    const s = live();
    const first = advanceStep(s, {
      type: 'open_step',
      stepId: '1-roll_call',
      at: AT,
      expectedVersion: s.version,
    });
    expect(first.ok).toBe(true);
    const winner = must(first);
    // The second secretary still holds version s.version.
    expect(
      advanceStep(winner, { type: 'close_step', stepId: '1-roll_call', at: AT, expectedVersion: s.version }),
    ).toEqual({ ok: false, code: 'MEETING_VERSION_CONFLICT' });
  });

  it('lets the programme be edited until the meeting starts, never after', () => {
    const published = run(createMeetingState(template), { type: 'publish', at: AT });
    const edited = run(published, { type: 'set_programme', steps: template.slice(0, 1) });
    expect(edited.steps).toHaveLength(1);
    expect(advanceStep(published, { type: 'set_programme', steps: [] })).toEqual({
      ok: false,
      code: 'MEETING_PROGRAMME_EMPTY',
    });
    expect(advanceStep(live(), { type: 'set_programme', steps: template })).toEqual({
      ok: false,
      code: 'MEETING_PROGRAMME_LOCKED',
    });
    expect(advanceStep(createMeetingState([]), { type: 'publish', at: AT })).toEqual({
      ok: false,
      code: 'MEETING_PROGRAMME_EMPTY',
    });
  });

  it('does not change the state it was given', () => {
    const s = live();
    const copy = structuredClone(s);
    advanceStep(s, { type: 'open_step', stepId: '1-roll_call', at: AT });
    expect(s).toEqual(copy);
  });

  it('reports the current step for devices following the meeting', () => {
    let s = live();
    expect(currentStep(s)?.id).toBe('1-roll_call');
    s = run(s, { type: 'open_step', stepId: '1-roll_call', at: AT });
    expect(currentStep(s)).toMatchObject({ id: '1-roll_call', state: 'open', openedAt: AT });
    s = run(
      s,
      { type: 'close_step', stepId: '1-roll_call', at: AT },
      { type: 'skip_step', stepId: '2-quality', at: AT },
    );
    expect(currentStep(s)?.id).toBe('3-minutes');
  });
});
