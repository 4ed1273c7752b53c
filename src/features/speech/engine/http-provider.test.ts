import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpSpeechProvider, checkHttpSpeechConfig } from './http-provider.ts';
import { encodeMp3 } from './mp3-encode.ts';
import { sine } from './test-audio.ts';
import { durationSeconds } from './types.ts';
import { encodeWav } from './wav.ts';

const KEY = 'khoa-bi-mat-123';
const VOICES = [{ id: 'nu-mien-bac', name: 'Nữ miền Bắc', language: 'vi-VN' }];

interface Seen {
  method?: string;
  authorization?: string;
  contentType?: string;
  body?: unknown;
}

// The local server stands in for a cloud voice: it answers each request with whatever the test put in `reply`.
// Generous limit: decoding shares the CPU with other test files; durations are not what is tested.
describe('HttpSpeechProvider', { timeout: 60_000 }, () => {
  let server: Server;
  let url: string;
  let seen: Seen;
  let reply: (res: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen = {
          method: req.method,
          authorization: req.headers.authorization,
          contentType: req.headers['content-type'],
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        };
        reply(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/tts`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen = {};
  });

  const provider = () => new HttpSpeechProvider({ url, apiKey: KEY, voices: VOICES });
  const request = { text: 'Đồng chí bí thư phát biểu', voice: 'nu-mien-bac', speed: 1.25 };

  it('posts text, voice and speed as JSON with the bearer key and reads a WAV answer', async () => {
    const wav = encodeWav(sine(300, 24000, 1.5));
    reply = (res) => res.writeHead(200, { 'content-type': 'audio/wav' }).end(wav);
    const audio = await provider().synthesize(request);
    expect(seen).toEqual({
      method: 'POST',
      authorization: `Bearer ${KEY}`,
      contentType: 'application/json',
      body: { text: request.text, voice: request.voice, speed: 1.25 },
    });
    expect(audio.sampleRate).toBe(24000);
    expect(durationSeconds(audio)).toBeCloseTo(1.5, 5);
  });

  it('decodes an MP3 answer, even when it is labelled as generic bytes', async () => {
    const mp3 = await encodeMp3(sine(300, 16000, 2));
    reply = (res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(mp3);
    const audio = await provider().synthesize(request);
    expect(audio.sampleRate).toBe(16000);
    expect(durationSeconds(audio)).toBeGreaterThan(1.9);
    expect(durationSeconds(audio)).toBeLessThan(2.3);
  });

  it('reports a rejected key as a configuration problem without revealing the key', async () => {
    reply = (res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad key"}');
    const error = (await provider()
      .synthesize(request)
      .then(
        () => undefined,
        (e: unknown) => e,
      )) as Error & { code: string };
    expect(error.code).toBe('SPEECH_NOT_CONFIGURED');
    expect(error.message).toBe('Dịch vụ đọc văn bản từ chối khóa truy cập đã cấu hình.');
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it('reports server errors and unreadable audio as provider failures', async () => {
    reply = (res) => res.writeHead(503).end('quá tải');
    await expect(provider().synthesize(request)).rejects.toMatchObject({
      code: 'SPEECH_PROVIDER_FAILED',
      message: 'Dịch vụ đọc văn bản trả lỗi 503.',
    });
    reply = (res) => res.writeHead(200, { 'content-type': 'audio/mpeg' }).end('<html>đăng nhập</html>');
    await expect(provider().synthesize(request)).rejects.toMatchObject({ code: 'SPEECH_PROVIDER_FAILED' });
  });

  it('gives up after the configured timeout', async () => {
    reply = (res) => setTimeout(() => res.writeHead(200).end(), 1000);
    const slow = new HttpSpeechProvider({ url, apiKey: KEY, voices: VOICES, timeoutMs: 50 });
    await expect(slow.synthesize(request)).rejects.toMatchObject({
      code: 'SPEECH_PROVIDER_FAILED',
      message: 'Không kết nối được dịch vụ đọc văn bản.',
    });
  });

  it('checks the request before calling out', async () => {
    reply = () => {
      throw new Error('must not be called');
    };
    await expect(provider().synthesize({ ...request, voice: 'vi' })).rejects.toMatchObject({
      code: 'SPEECH_INVALID_INPUT',
    });
    expect(seen).toEqual({});
  });

  it('validates its configuration and keeps the key out of the cache identity', () => {
    expect(() => checkHttpSpeechConfig({ url: 'không phải url', apiKey: KEY, voices: VOICES })).toThrow(
      expect.objectContaining({ code: 'SPEECH_NOT_CONFIGURED' }),
    );
    expect(() => checkHttpSpeechConfig({ url: 'ftp://tts.example/x', apiKey: KEY, voices: VOICES })).toThrow(
      expect.objectContaining({ code: 'SPEECH_NOT_CONFIGURED' }),
    );
    expect(() => checkHttpSpeechConfig({ url, apiKey: '', voices: VOICES })).toThrow(
      expect.objectContaining({ code: 'SPEECH_NOT_CONFIGURED' }),
    );
    expect(() => checkHttpSpeechConfig({ url, apiKey: KEY, voices: [] })).toThrow(
      expect.objectContaining({ code: 'SPEECH_NOT_CONFIGURED' }),
    );
    const id = new HttpSpeechProvider({ url, apiKey: KEY, voices: VOICES, revision: '2' }).id;
    expect(id).toMatch(/^http:127\.0\.0\.1:\d+\/v1\/tts:2$/);
    expect(id).not.toContain(KEY);
  });
});
