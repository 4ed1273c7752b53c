import { diffArrays, diffWords } from 'diff';

/**
 * Draft resolutions are structured (assessment paragraphs; tasks with owner and deadline) so members can comment
 * on one paragraph and the secretary can publish revised versions. `diffDrafts` shows what changed between two
 * versions paragraph by paragraph, with the changed words inside a revised paragraph.
 */

export interface ResolutionTask {
  /** Stable id across versions when the editor keeps one; lets an edited task show as "changed". */
  id?: string;
  content: string;
  owner: string;
  /** ISO date, YYYY-MM-DD. */
  deadline?: string;
}

export interface ResolutionDraft {
  title?: string;
  assessment: string[];
  tasks: ResolutionTask[];
}

export interface InlinePart {
  type: 'same' | 'added' | 'removed';
  text: string;
}

export type ParagraphChange =
  | { type: 'unchanged'; text: string }
  | { type: 'added'; text: string }
  | { type: 'removed'; text: string }
  | { type: 'changed'; before: string; after: string; inline: InlinePart[] };

export interface DraftDiff {
  title?: ParagraphChange;
  assessment: ParagraphChange[];
  tasks: ParagraphChange[];
  stats: { added: number; removed: number; changed: number; unchanged: number };
}

/** Below this share of common text, a removed and an added paragraph are shown apart, not as one edit. */
const SIMILAR_ENOUGH = 0.4;

export function diffDrafts(before: ResolutionDraft, after: ResolutionDraft): DraftDiff {
  const assessment = diffParagraphs(before.assessment.map(clean), after.assessment.map(clean));
  const tasks = diffTasks(before.tasks, after.tasks);
  const result: DraftDiff = { assessment, tasks, stats: { added: 0, removed: 0, changed: 0, unchanged: 0 } };
  if (before.title !== undefined || after.title !== undefined) {
    result.title = compareOne(clean(before.title ?? ''), clean(after.title ?? ''));
  }
  for (const change of [...(result.title ? [result.title] : []), ...assessment, ...tasks]) {
    result.stats[change.type] += 1;
  }
  return result;
}

/** One line per task, in the wording used in a resolution: "… Phụ trách: …; thời hạn: dd/mm/yyyy." */
export function taskLine(task: ResolutionTask): string {
  const deadline = task.deadline ? `; thời hạn: ${formatDate(task.deadline)}` : '';
  return clean(`${task.content} — Phụ trách: ${task.owner}${deadline}`);
}

function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** NFC and collapsed whitespace, so an accidental double space or a decomposed accent is not a "change". */
function clean(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function diffParagraphs(before: string[], after: string[]): ParagraphChange[] {
  return pairUp(diffArrays(before, after), before, after, (s) => s);
}

function diffTasks(before: ResolutionTask[], after: ResolutionTask[]): ParagraphChange[] {
  const same = (a: ResolutionTask, b: ResolutionTask) =>
    a.id !== undefined && b.id !== undefined ? a.id === b.id : taskLine(a) === taskLine(b);
  return pairUp(diffArrays(before, after, { comparator: same }), before, after, taskLine);
}

/**
 * Walks the array diff. Items the comparator matched may still differ in text (a task kept its id but changed
 * its deadline); runs of removals followed by additions are paired into edits when they are alike.
 */
function pairUp<T>(
  changes: { value: T[]; added: boolean; removed: boolean }[],
  before: T[],
  after: T[],
  text: (item: T) => string,
): ParagraphChange[] {
  const out: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    out.push(...pairRun(removed, added));
    removed = [];
    added = [];
  };
  for (const change of changes) {
    const n = change.value.length;
    if (change.removed) {
      removed.push(...before.slice(i, i + n).map(text));
      i += n;
    } else if (change.added) {
      added.push(...after.slice(j, j + n).map(text));
      j += n;
    } else {
      flush();
      for (let k = 0; k < n; k++) out.push(compareOne(text(before[i + k] as T), text(after[j + k] as T)));
      i += n;
      j += n;
    }
  }
  flush();
  return out;
}

function pairRun(removed: string[], added: string[]): ParagraphChange[] {
  const out: ParagraphChange[] = [];
  const pairs = Math.min(removed.length, added.length);
  for (let k = 0; k < pairs; k++) {
    const a = removed[k] as string;
    const b = added[k] as string;
    const inline = inlineDiff(a, b);
    if (similarity(inline, a, b) >= SIMILAR_ENOUGH)
      out.push({ type: 'changed', before: a, after: b, inline });
    else out.push({ type: 'removed', text: a }, { type: 'added', text: b });
  }
  for (const a of removed.slice(pairs)) out.push({ type: 'removed', text: a });
  for (const b of added.slice(pairs)) out.push({ type: 'added', text: b });
  return out;
}

function compareOne(a: string, b: string): ParagraphChange {
  if (a === b) return { type: 'unchanged', text: b };
  if (a === '') return { type: 'added', text: b };
  if (b === '') return { type: 'removed', text: a };
  return { type: 'changed', before: a, after: b, inline: inlineDiff(a, b) };
}

function inlineDiff(a: string, b: string): InlinePart[] {
  return diffWords(a, b).map((c) => ({
    type: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}

function similarity(inline: InlinePart[], a: string, b: string): number {
  const common = inline.filter((p) => p.type === 'same').reduce((n, p) => n + p.text.trim().length, 0);
  return common / Math.max(a.length, b.length, 1);
}
