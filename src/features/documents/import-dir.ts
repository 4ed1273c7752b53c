import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { mutate, type AppContext } from '../../platform/context.ts';
import {
  DOCUMENT_KINDS,
  extractText,
  isFileError,
  saveUpload,
  type ExtractResult,
} from '../../platform/files/index.ts';
import { AppError } from '../../platform/errors.ts';
import { findOrg, type Org } from '../orgs/queries.ts';
import { levelOfOrgType, type DocumentType } from './kinds.ts';
import { attachFile, createDocument } from './service.ts';
import { findDocument } from './queries.ts';

export const IMPORTABLE = ['.txt', '.md', '.docx', '.pdf'];

export interface ImportReport {
  imported: Array<{ file: string; id: string; title: string }>;
  /** Stored, but no text could be taken from the file. */
  noText: Array<{ file: string; id: string; reason: string }>;
  /** Not imported at all. */
  failed: Array<{ file: string; reason: string }>;
  skipped: Array<{ file: string; reason: string }>;
}

const KIND_WORDS: Array<[RegExp, DocumentType]> = [
  [/^nghị quyết/i, 'nghi_quyet'],
  [/^chỉ thị/i, 'chi_thi'],
  [/^kết luận/i, 'ket_luan'],
  [/^quy định/i, 'quy_dinh'],
  [/^quyết định/i, 'quyet_dinh'],
  [/^hướng dẫn/i, 'huong_dan'],
  [/^thông báo/i, 'thong_bao'],
  [/^kế hoạch/i, 'ke_hoach'],
  [/^báo cáo/i, 'bao_cao'],
];

/** Title: the first Markdown heading, else the first non-empty line if it is short enough, else the file name. */
export function titleOf(text: string, fileName: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const heading = lines.find((l) => /^#{1,6}\s+\S/.test(l));
  if (heading) return heading.replace(/^#{1,6}\s+/, '').trim();
  const first = lines.find((l) => l !== '');
  if (first && first.length <= 200) return first.replace(/^[#*_\s]+|[*_\s]+$/g, '');
  return basename(fileName, extname(fileName)).replace(/[_-]+/g, ' ').trim() || fileName;
}

export function kindOf(title: string): DocumentType {
  for (const [re, kind] of KIND_WORDS) if (re.test(title.trim())) return kind;
  return 'tham_khao';
}

/** A party document number such as "02-NQ/TU" or "35-CT/TW" near the start of the text. */
export function numberOf(text: string): string | null {
  return /\b(\d{1,4}-[A-ZĐ]{1,6}(?:\/[A-ZĐ]{1,6}){1,3})\b/u.exec(text.slice(0, 3000))?.[1] ?? null;
}

/** "ngày 15 tháng 3 năm 2021" near the start of the text, as an ISO date. */
export function dateOf(text: string): string | null {
  const m = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(text.slice(0, 3000));
  if (!m) return null;
  const [, d, mo, y] = m;
  const day = Number(d);
  const month = Number(mo);
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const actor = { accountId: null, ip: null, requestId: 'import-documents' };

/**
 * Imports every .txt, .md, .docx and .pdf file of `dir` as a document of `org` published to its subtree.
 * A file that cannot be stored (wrong content for its extension, too large) is reported and skipped; a file that
 * is stored but yields no text is kept and reported as such. Files imported before (same source name in the
 * same organisation) are skipped, so a run can be repeated.
 */
export async function importDirectory(
  ctx: AppContext,
  opts: { dir: string; orgId?: string; onFile?: (done: number, total: number, file: string) => void },
  store: Parameters<typeof saveUpload>[0],
): Promise<ImportReport> {
  let org: Org | null;
  if (opts.orgId) org = await findOrg(ctx.db, opts.orgId);
  else {
    const root = await ctx.db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', 'is', null)
      .orderBy('created_at')
      .executeTakeFirst();
    org = root ? await findOrg(ctx.db, root.id) : null;
  }
  if (!org) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy tổ chức để đăng văn bản.' });
  const entries = (await readdir(opts.dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && IMPORTABLE.includes(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'vi'));
  const report: ImportReport = { imported: [], noText: [], failed: [], skipped: [] };
  let done = 0;
  for (const file of entries) {
    opts.onFile?.(done, entries.length, file);
    try {
      await importOne(ctx, org, join(opts.dir, file), file, store, report);
    } catch (err) {
      report.failed.push({ file, reason: err instanceof Error ? err.message : String(err) });
    }
    done++;
  }
  opts.onFile?.(done, entries.length, '');
  return report;
}

async function importOne(
  ctx: AppContext,
  org: Org,
  path: string,
  file: string,
  store: Parameters<typeof saveUpload>[0],
  report: ImportReport,
) {
  const existing = await ctx.db
    .selectFrom('documents')
    .select('id')
    .where('org_id', '=', org.id)
    .where('source_name', '=', file)
    .executeTakeFirst();
  if (existing) {
    report.skipped.push({ file, reason: 'Đã nhập trước đây.' });
    return;
  }
  const bytes = new Uint8Array(await readFile(path));
  let saved;
  try {
    saved = await saveUpload(store, {
      bytes,
      name: file,
      allowed: DOCUMENT_KINDS,
      maxBytes: ctx.config.maxUploadBytes,
    });
  } catch (err) {
    if (isFileError(err)) {
      report.failed.push({ file, reason: err.message });
      return;
    }
    throw err;
  }
  const extracted: ExtractResult = await extractText(bytes, saved.mime);
  const text = extracted.status === 'ok' ? extracted.text : '';
  const title = titleOf(text, file);
  const ext = extname(file).toLowerCase();
  const isPlain = ext === '.txt' || ext === '.md';
  const id = await mutate(ctx, actor, async (uow) => {
    const doc = await createDocument(
      uow,
      org,
      [org],
      {
        kind: kindOf(title),
        number: numberOf(text),
        issuedOn: dateOf(text),
        issuer: org.name,
        level: levelOfOrgType(org.type),
        title,
        summary: null,
        // Text files are their own body; the text of an office file comes in through its attachment.
        body: isPlain ? text : '',
        sourceName: file,
      },
      null,
    );
    if (!isPlain) await attachFile(uow, doc, saved, extracted);
    return doc.id;
  }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'DOCUMENT_DUPLICATE') {
      report.skipped.push({ file, reason: err.message });
      return null;
    }
    throw err;
  });
  if (!id) return;
  if (extracted.status !== 'ok') {
    report.noText.push({
      file,
      id,
      reason: extracted.error ?? 'Không trích xuất được văn bản (tệp không có chữ, có thể là bản quét).',
    });
  } else {
    const doc = await findDocument(ctx.db, id);
    report.imported.push({ file, id, title: doc?.title ?? title });
  }
}
