import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { loadAbbreviations, normalizeStream, registerNormalize } from '../../cli/commands/normalize.ts';
import { createSpeechNormalizer } from './normalize.ts';

async function run(input: string, normalize = createSpeechNormalizer()): Promise<string> {
  const source = new PassThrough();
  const sink = new PassThrough();
  const chunks: string[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const done = normalizeStream(source, sink, normalize);
  source.end(input);
  await done;
  return chunks.join('');
}

describe('sotay normalize', () => {
  it('writes one normalised line per input line, keeping empty lines', async () => {
    const out = await run('UBND tỉnh họp ngày 19/11/2021.\r\n\nĐạt 37,32%\n');
    expect(out).toBe(
      'Ủy ban nhân dân tỉnh họp ngày mười chín tháng mười một năm hai nghìn không trăm hai mươi mốt.\n\nĐạt ba mươi bảy phẩy ba mươi hai phần trăm\n',
    );
  });

  it('handles a last line without a newline and empty input', async () => {
    expect(await run('Đại hội XIII')).toBe('Đại hội mười ba\n');
    expect(await run('')).toBe('');
  });

  it('loads extra abbreviations from a JSON file and rejects malformed ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sotay-normalize-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    await writeFile(good, JSON.stringify({ XYZ: 'câu lạc bộ' }));
    await writeFile(bad, JSON.stringify({ XYZ: 3 }));
    const extra = await loadAbbreviations(good);
    expect(await run('XYZ và UBND\n', createSpeechNormalizer({ extraAbbreviations: extra }))).toBe(
      'câu lạc bộ và Ủy ban nhân dân\n',
    );
    await expect(loadAbbreviations(bad)).rejects.toThrow(/phải là chuỗi/);
    await writeFile(bad, '[1, 2]');
    await expect(loadAbbreviations(bad)).rejects.toThrow(/đối tượng JSON/);
  });

  it('stops quietly when the reader goes away, and reports other write errors', async () => {
    const failing = (code: string): Writable =>
      new Writable({
        write(_chunk, _encoding, callback) {
          callback(Object.assign(new Error(code), { code }));
        },
      });
    const many = 'Đại hội XIII\n'.repeat(1000);
    const source = (): PassThrough => {
      const s = new PassThrough();
      s.end(many);
      return s;
    };
    await expect(
      normalizeStream(source(), failing('EPIPE'), createSpeechNormalizer()),
    ).resolves.toBeUndefined();
    await expect(normalizeStream(source(), failing('EIO'), createSpeechNormalizer())).rejects.toThrow('EIO');
  });

  it('registers the command with its option', () => {
    const program = new Command('sotay');
    registerNormalize(program);
    const command = program.commands.find((c) => c.name() === 'normalize');
    expect(command?.options.map((o) => o.long)).toEqual(['--abbreviations']);
  });
});
