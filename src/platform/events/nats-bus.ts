import { connect, type NatsConnection, type Subscription } from 'nats';
import { HandlerSet, type DomainEvent, type EventBus, type EventHandler } from './bus.ts';
import type { RemoteBusOptions } from './redis-bus.ts';

const SAFE_TOKEN = /^[A-Za-z0-9_-]+$/;

/**
 * Events between processes over NATS core pub/sub: topic `meeting.42.step` travels as subject
 * `<prefix>.meeting.42.step`; each process subscribes to `<prefix>.>` and fans out locally.
 */
export class NatsEventBus implements EventBus {
  private readonly handlers = new HandlerSet();
  private readonly prefix: string;
  private readonly onError: (err: unknown) => void;
  private nc: NatsConnection | null = null;
  private sub: Subscription | null = null;

  private constructor(prefix: string, onError: (err: unknown) => void) {
    this.prefix = prefix;
    this.onError = onError;
  }

  static async connect(url: string, opts: RemoteBusOptions = {}): Promise<NatsEventBus> {
    const parsed = new URL(url);
    const prefix = opts.channel ?? parsed.searchParams.get('channel') ?? 'sotay.events';
    const bus = new NatsEventBus(prefix, opts.onError ?? (() => {}));
    const nc = await connect({
      servers: `${parsed.hostname}:${parsed.port || '4222'}`,
      user: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      pass: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      name: 'sotay',
      maxReconnectAttempts: -1,
    });
    bus.nc = nc;
    bus.sub = nc.subscribe(`${prefix}.>`);
    void bus.pump(bus.sub);
    // The subscription is registered with the server once the flush returns.
    await nc.flush();
    return bus;
  }

  private async pump(sub: Subscription): Promise<void> {
    for await (const msg of sub) {
      try {
        const event = msg.json<DomainEvent>();
        if (typeof event?.topic === 'string') this.handlers.dispatch(event);
      } catch (err) {
        this.onError(err);
      }
    }
  }

  async publish(event: DomainEvent): Promise<void> {
    if (!this.nc) throw new Error('NATS bus is closed');
    const tokens = event.topic.split('.');
    if (!tokens.every((t) => SAFE_TOKEN.test(t)))
      throw new Error(`topic not usable as a subject: ${event.topic}`);
    this.nc.publish(
      `${this.prefix}.${event.topic}`,
      JSON.stringify({ topic: event.topic, payload: event.payload }),
    );
  }

  subscribe(topic: string, handler: EventHandler): () => void {
    return this.handlers.add(topic, handler);
  }

  async close(): Promise<void> {
    const nc = this.nc;
    this.nc = null;
    if (nc) await nc.drain().catch(this.onError);
  }
}
