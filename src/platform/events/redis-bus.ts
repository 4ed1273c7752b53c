import { Redis } from 'ioredis';
import { HandlerSet, type DomainEvent, type EventBus, type EventHandler } from './bus.ts';

export interface RemoteBusOptions {
  /** Channel (Redis) or subject prefix (NATS) shared by the processes of one installation. */
  channel?: string;
  onError?: (err: unknown) => void;
}

/**
 * Events between processes over Redis pub/sub. Every process subscribes to one channel and fans out locally,
 * so a publisher's own subscribers get the event the same way as everyone else's (after a round trip).
 * Pub/sub is fire-and-forget: what must not be lost goes through the job queue, not the bus.
 */
export class RedisEventBus implements EventBus {
  private readonly handlers = new HandlerSet();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly channel: string;
  private readonly ready: Promise<unknown>;

  constructor(url: string, opts: RemoteBusOptions = {}) {
    const parsed = new URL(url);
    this.channel = opts.channel ?? parsed.searchParams.get('channel') ?? 'sotay:events';
    parsed.search = '';
    const clean = parsed.toString();
    const onError = opts.onError ?? (() => {});
    this.pub = new Redis(clean, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.sub = new Redis(clean, { lazyConnect: false });
    this.pub.on('error', onError);
    this.sub.on('error', onError);
    this.sub.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      let event: DomainEvent;
      try {
        event = JSON.parse(message) as DomainEvent;
      } catch (err) {
        onError(err);
        return;
      }
      if (typeof event?.topic === 'string') this.handlers.dispatch(event);
    });
    this.ready = this.sub.subscribe(this.channel);
  }

  /** Resolves once this process receives events (tests and start-up wait for it). */
  async connected(): Promise<void> {
    await this.ready;
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.pub.publish(this.channel, JSON.stringify({ topic: event.topic, payload: event.payload }));
  }

  subscribe(topic: string, handler: EventHandler): () => void {
    return this.handlers.add(topic, handler);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }
}
