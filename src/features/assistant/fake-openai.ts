import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server speaking the OpenAI-compatible chat and embeddings protocol, for tests and benchmarks. It
 * records every request and answers with what the test sets.
 */
export interface FakeOpenAi {
  url: string;
  requests: Array<{ path: string; auth: string | undefined; body: Record<string, unknown> }>;
  chatAnswer: string;
  close(): Promise<void>;
}

/** A tiny deterministic embedding: folded letter-trigram counts hashed into 64 dimensions. */
export function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(64).fill(0);
  const s = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  for (let i = 0; i + 3 <= s.length; i++) {
    let h = 0;
    for (const ch of s.slice(i, i + 3)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    v[h % 64]! += 1;
  }
  return v;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const fake: FakeOpenAi = {
    url: '',
    requests: [],
    chatAnswer: 'Không tìm thấy trong tài liệu.',
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      const path = (req.url ?? '').replace(/^\/v1/, '');
      fake.requests.push({ path, auth: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || typeof body.model !== 'string') {
        res.statusCode = 400;
        res.end(JSON.stringify({ error: { message: 'bad request' } }));
        return;
      }
      if (path === '/chat/completions' && Array.isArray(body.messages)) {
        res.end(
          JSON.stringify({
            id: 'chatcmpl-1',
            object: 'chat.completion',
            choices: [
              { index: 0, message: { role: 'assistant', content: fake.chatAnswer }, finish_reason: 'stop' },
            ],
          }),
        );
        return;
      }
      if (path === '/embeddings' && Array.isArray(body.input)) {
        const data = (body.input as string[]).map((t, index) => ({
          object: 'embedding',
          index,
          embedding: fakeEmbedding(t),
        }));
        res.end(JSON.stringify({ object: 'list', data, model: body.model }));
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { message: 'not found' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
