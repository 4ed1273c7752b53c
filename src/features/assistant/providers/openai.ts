/**
 * Adapters for OpenAI-compatible HTTP APIs (`POST {base}/chat/completions`, `POST {base}/embeddings`), which
 * most hosted and self-hosted model servers speak. Both are optional: the assistant answers without them.
 */
export interface ProviderOptions {
  /** Base URL up to and including the version, e.g. `https://api.example.com/v1`. */
  url: string;
  key?: string;
  model: string;
  timeoutMs?: number;
}

export class ProviderError extends Error {}

async function post<T>(opts: ProviderOptions, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${opts.url.replace(/\/$/, '')}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
  }).catch((err: unknown) => {
    throw new ProviderError(`provider unreachable: ${(err as Error).message}`);
  });
  if (!res.ok) throw new ProviderError(`provider answered ${res.status}`);
  return (await res.json()) as T;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatProvider {
  complete(messages: ChatMessage[]): Promise<string>;
}

export function createChatProvider(opts: ProviderOptions): ChatProvider {
  return {
    async complete(messages) {
      const r = await post<{ choices?: Array<{ message?: { content?: unknown } }> }>(
        opts,
        '/chat/completions',
        {
          model: opts.model,
          messages,
          temperature: 0,
          max_tokens: 400,
        },
      );
      const content = r.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw new ProviderError('provider answer has no message content');
      return content;
    },
  };
}

export interface EmbeddingsProvider {
  embed(texts: string[]): Promise<number[][]>;
}

export function createEmbeddingsProvider(opts: ProviderOptions): EmbeddingsProvider {
  return {
    async embed(texts) {
      if (texts.length === 0) return [];
      const r = await post<{ data?: Array<{ index?: number; embedding?: unknown }> }>(opts, '/embeddings', {
        model: opts.model,
        input: texts,
      });
      const out: number[][] = new Array(texts.length);
      for (const [i, d] of (r.data ?? []).entries()) {
        const at = typeof d.index === 'number' ? d.index : i;
        if (!Array.isArray(d.embedding) || !d.embedding.every((x) => typeof x === 'number'))
          throw new ProviderError('provider answer has a malformed embedding');
        out[at] = d.embedding as number[];
      }
      if (out.some((v) => !v) || out.length !== texts.length)
        throw new ProviderError('provider answered a different number of embeddings');
      return out;
    },
  };
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
