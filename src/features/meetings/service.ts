// The meetings service, one file per part of a meeting's life under service/.
export { isClosed, assertOpen, reloadMeeting } from './service/common.ts';
export * from './service/templates.ts';
export * from './service/meetings.ts';
export * from './service/preparation.ts';
export * from './service/live.ts';
export * from './service/votes.ts';
