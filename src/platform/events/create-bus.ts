import { MemoryEventBus, type EventBus } from './bus.ts';

/**
 * The bus for EVENTS_URL: in-process when unset (one process), Redis (`redis://`, `rediss://`) or NATS
 * (`nats://`) between processes. Resolves once this process is subscribed, so no event published after
 * start-up is missed. The Redis and NATS clients are loaded only when configured: the embedded mode never needs them.
 */
export async function createEventBus(
  eventsUrl: string | null,
  opts: { channel?: string; onError?: (err: unknown) => void } = {},
): Promise<EventBus> {
  if (!eventsUrl) return new MemoryEventBus();
  if (/^rediss?:\/\//.test(eventsUrl)) {
    const { RedisEventBus } = await import('./redis-bus.ts');
    const bus = new RedisEventBus(eventsUrl, opts);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('EVENTS_URL: Redis did not answer within 10 s')), 10_000);
    });
    try {
      await Promise.race([bus.connected(), timeout]);
    } catch (err) {
      await bus.close();
      throw err;
    } finally {
      clearTimeout(timer);
    }
    return bus;
  }
  if (eventsUrl.startsWith('nats://')) {
    const { NatsEventBus } = await import('./nats-bus.ts');
    return NatsEventBus.connect(eventsUrl, opts);
  }
  throw new Error(`EVENTS_URL scheme not supported: ${eventsUrl.split(':')[0]}`);
}
