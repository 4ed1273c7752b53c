import type { Me } from '../api/types.ts';
import { api, errorMessage } from '../api/client.ts';
import { formatDate } from '../i18n/i18n.ts';

const SENDING_ROLES = new Set(['admin', 'office', 'secretary', 'deputy_secretary', 'committee_member']);

/** Organisations the account sends letters for: where it holds a committee role. */
export function sendingOrgs(me: Me) {
  return [...new Map(me.roles.filter((r) => SENDING_ROLES.has(r.role)).map((r) => [r.orgId, r])).values()];
}

/** What the server takes for a letter (OFFICE_KINDS in src/platform/files), offered first in the file picker. */
export const ACCEPT_FILES = '.pdf,.docx,.xlsx,.pptx,.odt';

export type FileProblem = 'type' | 'content' | 'empty';

/** What the first bytes of each accepted kind are: PDF, or a ZIP container for the office formats. */
function looksLike(ext: string, head: Uint8Array): boolean {
  const starts = (sig: number[]) => sig.every((b, i) => head[i] === b);
  if (ext === '.pdf') return starts([0x25, 0x50, 0x44, 0x46]); // %PDF
  return starts([0x50, 0x4b, 0x03, 0x04]); // PK\x03\x04: docx, xlsx, pptx, odt
}

/**
 * The first file the server would refuse by its name or its content, checked on the phone before the letter goes
 * out, so a wrong file never leaves a letter sent without it. The server checks again; this only spares the wait.
 */
export async function firstBadFile(files: File[]): Promise<{ name: string; problem: FileProblem } | null> {
  const accepted = ACCEPT_FILES.split(',');
  for (const file of files) {
    const dot = file.name.lastIndexOf('.');
    const ext = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
    if (!accepted.includes(ext)) return { name: file.name, problem: 'type' };
    if (file.size === 0) return { name: file.name, problem: 'empty' };
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    if (!looksLike(ext, head)) return { name: file.name, problem: 'content' };
  }
  return null;
}

/** Attaches the files to a letter one by one; returns those the server refused, with its reason. */
export async function uploadFiles(
  messageId: string,
  files: File[],
): Promise<Array<{ name: string; message: string }>> {
  const failed: Array<{ name: string; message: string }> = [];
  for (const file of files) {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await api('POST', `/api/v1/exchange/${encodeURIComponent(messageId)}/files`, form);
    } catch (e) {
      failed.push({ name: file.name, message: errorMessage(e) });
    }
  }
  return failed;
}

/** "14:05 23/11/2026" in the phone's own time: when a letter was opened or acknowledged matters to the hour. */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  if (!Number.isFinite(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${pad(d.getHours())}:${pad(d.getMinutes())} ${formatDate(day)}`;
}
