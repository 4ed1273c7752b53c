import type { StepKind, StepTemplate } from './templates.ts';

/**
 * The meeting's life and its programme as a state machine. Steps run strictly in order: the next step opens only
 * when the current one is closed (seed 001: "Xong nội dung này mới được chuyển sang nội dung kế tiếp").
 * Every accepted action returns a new state with `version + 1`; the HTTP layer stores it only if the stored
 * version is still the one it read (optimistic concurrency between two secretaries).
 */

export type MeetingStatus = 'draft' | 'published' | 'live' | 'ended' | 'minutes_approved';
export type StepState = 'pending' | 'open' | 'closed' | 'skipped';

export interface ProgrammeStep {
  id: string;
  key: string;
  kind: StepKind;
  title: string;
  description: string;
  optional: boolean;
  state: StepState;
  openedAt?: string;
  closedAt?: string;
}

export interface MeetingState {
  status: MeetingStatus;
  version: number;
  steps: ProgrammeStep[];
  publishedAt?: string;
  startedAt?: string;
  endedAt?: string;
  minutesApprovedAt?: string;
}

/** `at` is an ISO timestamp supplied by the caller: the domain never reads the clock. */
type Timed = { at: string; expectedVersion?: number };

export type MeetingAction =
  | ({ type: 'set_programme'; steps: readonly StepTemplate[] } & Omit<Timed, 'at'>)
  | ({ type: 'publish' } & Timed)
  | ({ type: 'start' } & Timed)
  | ({ type: 'open_step'; stepId: string } & Timed)
  | ({ type: 'close_step'; stepId: string } & Timed)
  | ({ type: 'skip_step'; stepId: string } & Timed)
  | ({ type: 'end' } & Timed)
  | ({ type: 'approve_minutes' } & Timed);

export type MeetingErrorCode =
  | 'MEETING_VERSION_CONFLICT'
  | 'MEETING_CLOSED'
  | 'MEETING_NOT_LIVE'
  | 'MEETING_NOT_ENDED'
  | 'MEETING_INVALID_TRANSITION'
  | 'MEETING_PROGRAMME_LOCKED'
  | 'MEETING_PROGRAMME_EMPTY'
  | 'MEETING_STEP_NOT_FOUND'
  | 'MEETING_STEP_OUT_OF_ORDER'
  | 'MEETING_STEP_NOT_OPEN'
  | 'MEETING_STEP_NOT_SKIPPABLE'
  | 'MEETING_STEPS_INCOMPLETE';

export type AdvanceResult = { ok: true; state: MeetingState } | { ok: false; code: MeetingErrorCode };

/** A new meeting in draft with its programme copied from a template. */
export function createMeetingState(template: readonly StepTemplate[]): MeetingState {
  return { status: 'draft', version: 1, steps: programmeFrom(template) };
}

export function programmeFrom(template: readonly StepTemplate[]): ProgrammeStep[] {
  return template.map((t, i) => ({
    id: `${i + 1}-${t.key}`,
    key: t.key,
    kind: t.kind,
    title: t.title,
    description: t.description,
    optional: t.optional === true,
    state: 'pending',
  }));
}

/** The step members' devices should show: the open one, else the next to open; undefined when all are done. */
export function currentStep(state: MeetingState): ProgrammeStep | undefined {
  return state.steps.find((s) => s.state === 'open') ?? state.steps.find((s) => s.state === 'pending');
}

export function advanceStep(state: MeetingState, action: MeetingAction): AdvanceResult {
  if (action.expectedVersion !== undefined && action.expectedVersion !== state.version) {
    return fail('MEETING_VERSION_CONFLICT');
  }
  const closed = state.status === 'ended' || state.status === 'minutes_approved';
  if (closed && !(action.type === 'approve_minutes' && state.status === 'ended'))
    return fail('MEETING_CLOSED');

  switch (action.type) {
    case 'set_programme':
      if (state.status !== 'draft' && state.status !== 'published') return fail('MEETING_PROGRAMME_LOCKED');
      if (action.steps.length === 0) return fail('MEETING_PROGRAMME_EMPTY');
      return ok(state, { steps: programmeFrom(action.steps) });
    case 'publish':
      if (state.status !== 'draft') return fail('MEETING_INVALID_TRANSITION');
      if (state.steps.length === 0) return fail('MEETING_PROGRAMME_EMPTY');
      return ok(state, { status: 'published', publishedAt: action.at });
    case 'start':
      if (state.status !== 'published') return fail('MEETING_INVALID_TRANSITION');
      return ok(state, { status: 'live', startedAt: action.at });
    case 'open_step':
    case 'close_step':
    case 'skip_step':
      if (state.status !== 'live') return fail('MEETING_NOT_LIVE');
      return stepAction(state, action);
    case 'end':
      if (state.status !== 'live') return fail('MEETING_NOT_LIVE');
      if (state.steps.some((s) => s.state === 'pending' || s.state === 'open'))
        return fail('MEETING_STEPS_INCOMPLETE');
      return ok(state, { status: 'ended', endedAt: action.at });
    case 'approve_minutes':
      if (state.status !== 'ended') return fail('MEETING_NOT_ENDED');
      return ok(state, { status: 'minutes_approved', minutesApprovedAt: action.at });
  }
}

function stepAction(
  state: MeetingState,
  action: Extract<MeetingAction, { type: 'open_step' | 'close_step' | 'skip_step' }>,
): AdvanceResult {
  const index = state.steps.findIndex((s) => s.id === action.stepId);
  const step = state.steps[index];
  if (!step) return fail('MEETING_STEP_NOT_FOUND');

  if (action.type === 'close_step') {
    if (step.state !== 'open') return fail('MEETING_STEP_NOT_OPEN');
    return ok(state, {
      steps: replaceStep(state.steps, index, { ...step, state: 'closed', closedAt: action.at }),
    });
  }

  // Opening or skipping acts on the next step only, and only when nothing is open.
  const next = state.steps.findIndex((s) => s.state === 'pending');
  const anyOpen = state.steps.some((s) => s.state === 'open');
  if (step.state !== 'pending' || index !== next || anyOpen) return fail('MEETING_STEP_OUT_OF_ORDER');

  if (action.type === 'skip_step') {
    if (!step.optional) return fail('MEETING_STEP_NOT_SKIPPABLE');
    return ok(state, {
      steps: replaceStep(state.steps, index, { ...step, state: 'skipped', closedAt: action.at }),
    });
  }
  return ok(state, {
    steps: replaceStep(state.steps, index, { ...step, state: 'open', openedAt: action.at }),
  });
}

function replaceStep(steps: readonly ProgrammeStep[], index: number, step: ProgrammeStep): ProgrammeStep[] {
  return steps.map((s, i) => (i === index ? step : s));
}

function ok(state: MeetingState, change: Partial<MeetingState>): AdvanceResult {
  return { ok: true, state: { ...state, ...change, version: state.version + 1 } };
}

function fail(code: MeetingErrorCode): AdvanceResult {
  return { ok: false, code };
}
