import type { AppContext } from '../../platform/context.ts';
import {
  createChatProvider,
  createEmbeddingsProvider,
  type ChatProvider,
  type EmbeddingsProvider,
} from './providers/openai.ts';

/**
 * Optional outside models, configured by environment (OpenAI-compatible APIs):
 *   SOTAY_ASSISTANT_CHAT_URL, SOTAY_ASSISTANT_CHAT_KEY, SOTAY_ASSISTANT_CHAT_MODEL — grounded short answers;
 *   SOTAY_EMBEDDINGS_URL, SOTAY_EMBEDDINGS_KEY, SOTAY_EMBEDDINGS_MODEL — semantic re-ranking of passages.
 * Without them the built-in extractive answerer works alone.
 */
export interface AssistantProviders {
  chat: ChatProvider | null;
  embeddings: EmbeddingsProvider | null;
}

export function providersFromEnv(env: NodeJS.ProcessEnv = process.env): AssistantProviders {
  const chatUrl = env.SOTAY_ASSISTANT_CHAT_URL?.trim();
  const embUrl = env.SOTAY_EMBEDDINGS_URL?.trim();
  return {
    chat: chatUrl
      ? createChatProvider({
          url: chatUrl,
          key: env.SOTAY_ASSISTANT_CHAT_KEY?.trim() || undefined,
          model: env.SOTAY_ASSISTANT_CHAT_MODEL?.trim() || 'gpt-4o-mini',
        })
      : null,
    embeddings: embUrl
      ? createEmbeddingsProvider({
          url: embUrl,
          key: env.SOTAY_EMBEDDINGS_KEY?.trim() || undefined,
          model: env.SOTAY_EMBEDDINGS_MODEL?.trim() || 'text-embedding-3-small',
        })
      : null,
  };
}

const chosen = new WeakMap<AppContext, AssistantProviders>();

export function providersFor(ctx: AppContext): AssistantProviders {
  let p = chosen.get(ctx);
  if (!p) {
    p = providersFromEnv();
    chosen.set(ctx, p);
  }
  return p;
}

/** Points one running context at other providers (tests use local fakes). */
export function setProviders(ctx: AppContext, providers: AssistantProviders): void {
  chosen.set(ctx, providers);
}
