import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { KINDS } from './kinds.ts';
import { joinParagraphs, plainTextParagraphs, truncateText } from './normalize.ts';
import { pdfParagraphs } from './pdf-layout.ts';
import type { PdfTextItem } from './pdf-layout.ts';

export type ExtractStatus = 'ok' | 'empty' | 'failed';

export interface ExtractResult {
  text: string;
  status: ExtractStatus;
  /** Vietnamese explanation when status is 'failed'. */
  error?: string;
  /** True when the text was cut at maxChars. */
  truncated?: boolean;
}

export interface ExtractOptions {
  /** Larger inputs are not parsed at all. Default 50 MB. */
  maxBytes?: number;
  /** Wall-clock limit for parsing one file. Default 30 s. */
  timeoutMs?: number;
  /** Heap limit of the parsing process. Default 256 MB. */
  memoryMb?: number;
  /** Longest text kept. Default 2,000,000 characters. */
  maxChars?: number;
}

const DEFAULTS = { maxBytes: 50 * 1024 * 1024, timeoutMs: 30_000, memoryMb: 256, maxChars: 2_000_000 };

const MESSAGES = {
  tooLarge: 'Tệp quá lớn để trích xuất văn bản.',
  timeout: 'Trích xuất văn bản quá thời gian cho phép.',
  memory: 'Tệp quá phức tạp để trích xuất văn bản.',
  password: 'Tệp PDF có mật khẩu nên không đọc được nội dung.',
  corruptPdf: 'Tệp PDF bị hỏng hoặc không đúng định dạng, không trích xuất được văn bản.',
  corruptDocx: 'Tệp DOCX bị hỏng hoặc không đúng định dạng, không trích xuất được văn bản.',
  badText: 'Tệp văn bản không được mã hoá UTF-8 hợp lệ.',
  unsupported: 'Không hỗ trợ trích xuất văn bản từ loại tệp này.',
} as const;

type ParserKind = 'pdf' | 'docx' | 'text';

function parserFor(mime: string): ParserKind | null {
  const base = mime.split(';')[0]?.trim().toLowerCase() ?? '';
  if (base === KINDS.pdf.mime) return 'pdf';
  if (base === KINDS.docx.mime) return 'docx';
  if (base === 'text/plain' || base === 'text/markdown' || base === 'text/csv') return 'text';
  return null;
}

/** Whether extractText can read this MIME type at all. */
export function canExtractText(mime: string): boolean {
  return parserFor(mime) !== null;
}

type ChildReply =
  | { ok: true; pages: PdfTextItem[][] }
  | { ok: true; text: string }
  | { ok: false; error: { name: string; message: string } };

// Parsing is CPU-heavy: a burst of uploads must not starve request handling, so only a few run at once.
const MAX_PARALLEL = Math.max(1, Math.floor(availableParallelism() / 2));
let running = 0;
const waiting: Array<() => void> = [];

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  // A finishing task hands its slot straight to the next waiter, so the count never overshoots.
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

type ChildOutcome = ChildReply | { ok: false; limit: 'timeout' | 'crash' };

const CHILD_SCRIPT = fileURLToPath(new URL('./extract-child.mjs', import.meta.url));

function runChild(kind: 'pdf' | 'docx', bytes: Uint8Array, timeoutMs: number, memoryMb: number) {
  return new Promise<ChildOutcome>((resolve) => {
    // A separate process rather than a worker thread: a worker that runs out of heap can abort the whole server.
    const child = fork(CHILD_SCRIPT, [], {
      execArgv: [`--max-old-space-size=${memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    let settled = false;
    const finish = (outcome: ChildOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, limit: 'timeout' }), timeoutMs);
    child.on('message', (reply: ChildReply) => finish(reply));
    child.on('error', () => finish({ ok: false, limit: 'crash' }));
    // 'close' comes after the IPC channel has delivered everything, unlike 'exit'.
    child.on('close', () => finish({ ok: false, limit: 'crash' }));
    child.send({ kind, bytes }, (err) => {
      if (err) finish({ ok: false, limit: 'crash' });
    });
  });
}

function failed(error: string): ExtractResult {
  return { text: '', status: 'failed', error };
}

function finalize(paragraphs: readonly string[], maxChars: number): ExtractResult {
  const { text, truncated } = truncateText(joinParagraphs(paragraphs), maxChars);
  if (text === '') return { text: '', status: 'empty' };
  return truncated ? { text, status: 'ok', truncated } : { text, status: 'ok' };
}

/**
 * Extracts readable text from a PDF, DOCX or plain text/Markdown/CSV file. Never throws: a corrupt, hostile,
 * oversized or slow file gives status 'failed' with a Vietnamese reason; a file without text (a scan) gives 'empty'.
 */
export async function extractText(
  bytes: Uint8Array,
  mime: string,
  options: ExtractOptions = {},
): Promise<ExtractResult> {
  const { maxBytes, timeoutMs, memoryMb, maxChars } = { ...DEFAULTS, ...options };
  const parser = parserFor(mime);
  if (!parser) return failed(MESSAGES.unsupported);
  if (bytes.length > maxBytes) return failed(MESSAGES.tooLarge);

  if (parser === 'text') {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return finalize(plainTextParagraphs(text), maxChars);
    } catch {
      return failed(MESSAGES.badText);
    }
  }

  try {
    const outcome = await withSlot(() => runChild(parser, bytes, timeoutMs, memoryMb));
    if (outcome.ok) {
      const paragraphs =
        'pages' in outcome ? pdfParagraphs(outcome.pages) : plainTextParagraphs(outcome.text);
      return finalize(paragraphs, maxChars);
    }
    if ('limit' in outcome) {
      // A parser process that dies without answering has almost always run out of memory.
      return failed(outcome.limit === 'timeout' ? MESSAGES.timeout : MESSAGES.memory);
    } else if (outcome.error.name === 'PasswordException') {
      return failed(MESSAGES.password);
    }
    return failed(parser === 'pdf' ? MESSAGES.corruptPdf : MESSAGES.corruptDocx);
  } catch {
    // Starting the parser process failed; the file is still stored, just without text.
    return failed(parser === 'pdf' ? MESSAGES.corruptPdf : MESSAGES.corruptDocx);
  }
}
