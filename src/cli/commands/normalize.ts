import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { createSpeechNormalizer } from '../../text/index.ts';
import type { SpeechNormalizer } from '../../text/index.ts';

interface NormalizeCommandOptions {
  abbreviations?: string;
}

/**
 * Streams `input` line by line, writing one normalised line per input line; waits when `output` is full.
 * A reader that goes away (`sotay normalize | head`, EPIPE) ends the stream quietly; other write errors throw.
 */
export async function normalizeStream(
  input: Readable,
  output: Writable,
  normalize: SpeechNormalizer,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let failure: NodeJS.ErrnoException | undefined;
  const onError = (error: NodeJS.ErrnoException): void => {
    failure = error;
    lines.close();
  };
  output.on('error', onError);
  try {
    for await (const line of lines) {
      if (failure) break;
      if (!output.write(`${normalize(line)}\n`)) await once(output, 'drain').catch(() => undefined);
    }
  } finally {
    output.off('error', onError);
  }
  if (failure && failure.code !== 'EPIPE') throw failure;
}

/** Reads a JSON object { "ABBR": "reading", … } that extends the built-in abbreviation dictionary. */
export async function loadAbbreviations(path: string): Promise<Record<string, string>> {
  const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Tệp từ viết tắt phải là một đối tượng JSON { "viết tắt": "cách đọc" }: ${path}`);
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (typeof value !== 'string') throw new Error(`Cách đọc của "${key}" phải là chuỗi ký tự: ${path}`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/** `sotay normalize`: written Vietnamese on standard input → what a reader says, one line per line. */
export function registerNormalize(program: Command): void {
  program
    .command('normalize')
    .description(
      'Chuyển văn bản tiếng Việt thành lời đọc (số, ngày, chữ viết tắt…): đọc từ stdin, ghi ra stdout',
    )
    .option(
      '-a, --abbreviations <file>',
      'tệp JSON bổ sung hoặc thay thế từ viết tắt, dạng { "HTX": "hợp tác xã" }',
    )
    .action(async (options: NormalizeCommandOptions) => {
      const extraAbbreviations = options.abbreviations
        ? await loadAbbreviations(options.abbreviations)
        : undefined;
      await normalizeStream(process.stdin, process.stdout, createSpeechNormalizer({ extraAbbreviations }));
    });
}
