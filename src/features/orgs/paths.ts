/** Materialised-path arithmetic; paths look like `/rootId/childId/` and always end with '/'. */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export function depthOf(path: string): number {
  return idsOnPath(path).length - 1;
}

export function isUnder(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** The path a node at `path` gets when its subtree root moves from `oldRoot` to `newRoot`. */
export function rebase(path: string, oldRoot: string, newRoot: string): string {
  if (!path.startsWith(oldRoot)) throw new Error('path is not under the moved root');
  return newRoot + path.slice(oldRoot.length);
}
