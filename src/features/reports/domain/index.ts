// Reporting by numbers — the pure domain layer (no I/O). The HTTP layer loads rows, calls these
// functions and stores what they return.

export * from './errors.ts';
export * from './numbers.ts';
export * from './expressions.ts';
export * from './indicators.ts';
export * from './templates.ts';
export * from './periods.ts';
export * from './tree.ts';
export * from './expected.ts';
export * from './rules.ts';
export * from './submission.ts';
export * from './workflow.ts';
export * from './timeliness.ts';
export * from './aggregation.ts';
export * from './move.ts';
export * from './summary.ts';
