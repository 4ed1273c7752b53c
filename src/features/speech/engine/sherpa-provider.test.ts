import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpeechProvider } from './provider-config.ts';
import { SherpaOnnxProvider, checkSherpaConfig } from './sherpa-provider.ts';

// No voice model ships with the repository, so only configuration handling is tested here; synthesis needs a
// real Piper model (e.g. vi_VN-vais1000-medium) configured by the deployment.
describe('SherpaOnnxProvider configuration', () => {
  let dir: string;
  let model: string;
  let tokens: string;
  let dataDir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sherpa-config-'));
    model = join(dir, 'vi_VN-test.onnx');
    tokens = join(dir, 'tokens.txt');
    dataDir = join(dir, 'espeak-ng-data');
    await writeFile(model, 'placeholder');
    await writeFile(tokens, '_ 0\n');
    await mkdir(dataDir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const failure = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error as { code: string; message: string; details: { field: string }[] };
    }
    throw new Error('expected a configuration error');
  };

  it('names the missing model path', () => {
    const error = failure(() => new SherpaOnnxProvider({ tokens, dataDir }));
    expect(error.code).toBe('SPEECH_NOT_CONFIGURED');
    expect(error.message).toBe('Chưa cấu hình đường dẫn tệp mô hình giọng đọc (model, tệp .onnx).');
    expect(error.details[0]?.field).toBe('model');
  });

  it('names a model path that points nowhere', () => {
    const missing = join(dir, 'khong-co.onnx');
    const error = failure(() => new SherpaOnnxProvider({ model: missing, tokens, dataDir }));
    expect(error.code).toBe('SPEECH_NOT_CONFIGURED');
    expect(error.message).toBe(`Không tìm thấy tệp mô hình giọng đọc: ${missing}`);
  });

  it('rejects a directory given as the model file', () => {
    expect(failure(() => new SherpaOnnxProvider({ model: dir, tokens, dataDir })).details[0]?.field).toBe(
      'model',
    );
  });

  it('requires tokens, and a data directory or a lexicon', () => {
    expect(failure(() => checkSherpaConfig({ model, dataDir })).details[0]?.field).toBe('tokens');
    expect(
      failure(() => checkSherpaConfig({ model, tokens: join(dir, 'none.txt'), dataDir })).details[0]?.field,
    ).toBe('tokens');
    expect(failure(() => checkSherpaConfig({ model, tokens })).details[0]?.field).toBe('dataDir');
    expect(
      failure(() => checkSherpaConfig({ model, tokens, dataDir: join(dir, 'none') })).details[0]?.field,
    ).toBe('dataDir');
    expect(
      failure(() => checkSherpaConfig({ model, tokens, lexicon: join(dir, 'none.txt') })).details[0]?.field,
    ).toBe('lexicon');
    expect(failure(() => checkSherpaConfig({ model, tokens, dataDir, voices: [] })).details[0]?.field).toBe(
      'voices',
    );
  });

  it('accepts a complete configuration and derives a cache identity from the model', () => {
    const provider = createSpeechProvider({ kind: 'sherpa-onnx', model, tokens, dataDir });
    expect(provider.id).toBe('sherpa-onnx:vi_VN-test.onnx:11');
    expect(provider.voices().map((v) => v.id)).toEqual(['default']);
  });

  it('validates the request before touching the model', async () => {
    const provider = new SherpaOnnxProvider({ model, tokens, dataDir });
    await expect(provider.synthesize({ text: 'xin chào', voice: 'khác', speed: 1 })).rejects.toMatchObject({
      code: 'SPEECH_INVALID_INPUT',
    });
  });
});
