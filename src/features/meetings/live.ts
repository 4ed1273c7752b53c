import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { DomainEvent, EventBus } from '../../platform/events/bus.ts';
import type { LiveSnapshot } from './queries.ts';

type Listener = (event: DomainEvent) => void;

/**
 * One bus subscription per meeting with listeners in this process, fanned out to that meeting's open
 * connections: 10,000 idle phones cost one handler per meeting on the bus, not one each. Events arrive from
 * every process through the bus, so a member connected to process A sees a step opened on process B.
 */
export class LiveHub {
  private readonly rooms = new Map<string, { listeners: Set<Listener>; off: () => void }>();
  /** Open streams, ended when the server stops so shutdown does not wait for phones to hang up. */
  readonly streams = new Set<{ end: () => void }>();

  constructor(private readonly bus: EventBus) {}

  join(meetingId: string, listener: Listener): () => void {
    let room = this.rooms.get(meetingId);
    if (!room) {
      const listeners = new Set<Listener>();
      const off = this.bus.subscribe(`meeting.${meetingId}.*`, (event) => {
        for (const l of listeners) l(event);
      });
      room = { listeners, off };
      this.rooms.set(meetingId, room);
    }
    room.listeners.add(listener);
    const joined = room;
    return () => {
      joined.listeners.delete(listener);
      if (joined.listeners.size === 0 && this.rooms.get(meetingId) === joined) {
        joined.off();
        this.rooms.delete(meetingId);
      }
    };
  }

  closeAll(): void {
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }

  connections(meetingId: string): number {
    return this.rooms.get(meetingId)?.listeners.size ?? 0;
  }
}

const hubs = new WeakMap<AppContext, LiveHub>();

export function liveHub(ctx: AppContext): LiveHub {
  let hub = hubs.get(ctx);
  if (!hub) {
    hub = new LiveHub(ctx.bus);
    hubs.set(ctx, hub);
  }
  return hub;
}

export const HEARTBEAT_MS = 25_000;

function frame(event: string, data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

const frames = new WeakMap<DomainEvent, string>();

/** The SSE frame of an event, serialised once however many phones receive it. */
function frameOf(event: DomainEvent, meetingId: string): string {
  let text = frames.get(event);
  if (text === undefined) {
    const suffix = event.topic.slice(`meeting.${meetingId}.`.length);
    const version = typeof event.payload.version === 'number' ? event.payload.version : undefined;
    text =
      version !== undefined
        ? frame('state', { reason: suffix, ...event.payload }, version)
        : frame(suffix, event.payload);
    frames.set(event, text);
  }
  return text;
}

/**
 * Server-sent events for one meeting. The full state goes first, so a client that reconnects (the browser does
 * it by itself) is back on the current step at once; every later event carries the whole state too.
 */
export async function streamMeeting(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  meetingId: string,
  snapshot: () => Promise<LiveSnapshot>,
): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  const pending: DomainEvent[] = [];
  let ready = false;
  let lastVersion = 0;
  const send = (event: DomainEvent) => {
    const version = typeof event.payload.version === 'number' ? event.payload.version : undefined;
    // Events may overtake the first snapshot; never move a client back to an older state.
    if (version !== undefined && version < lastVersion) return;
    if (version !== undefined) lastVersion = version;
    res.write(frameOf(event, meetingId));
  };
  // Subscribe before reading the state so nothing that happens in between is lost.
  const leave = liveHub(ctx).join(meetingId, (event) => (ready ? send(event) : pending.push(event)));
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const hub = liveHub(ctx);
  const stream = { end: () => res.end() };
  hub.streams.add(stream);
  const close = () => {
    clearInterval(heartbeat);
    leave();
    hub.streams.delete(stream);
  };
  req.raw.on('close', close);
  try {
    const state = await snapshot();
    lastVersion = state.version;
    res.write(frame('state', { reason: 'initial', ...state }, state.version));
    ready = true;
    for (const e of pending.splice(0)) send(e);
  } catch (err) {
    ctx.log.error({ err, meetingId }, 'live snapshot failed');
    close();
    res.end();
  }
}
