import { v7 } from 'uuid';

/** Time-ordered ids keep B-tree inserts local and sort by creation. */
export function newId(): string {
  return v7();
}
