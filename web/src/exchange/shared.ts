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
