/**
 * Branch-meeting domain: pure, I/O-free rules. The HTTP layer loads rows, calls these functions and saves the
 * results; nothing here reads the clock, the database or the network.
 */
export * from './rules.ts';
export * from './attendance.ts';
export * from './eligibility.ts';
export * from './vote.ts';
export * from './templates.ts';
export * from './steps.ts';
export * from './timing.ts';
export * from './quality.ts';
export * from './drafts.ts';
export * from './minutes.ts';
export * from './codes.ts';
