import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** Time-ordered ids keep B-tree inserts local and sort by creation. */
export function newId(): string {
  return v7();
}

const processTag = randomBytes(6).toString('base64url');
let requests = 0;

/**
 * A request id unique across processes (a random tag per process and a counter): it only has to tell requests
 * apart in logs and audit records, and it is made for every request, so it draws no randomness per call.
 */
export function requestId(): string {
  return `${processTag}-${(++requests).toString(36)}`;
}
