import { afterAll, describe, expect, it } from 'vitest';
import type { DomainEvent, EventBus } from './bus.ts';
import { createEventBus } from './create-bus.ts';

// Real connections to the machine's Redis and NATS (the CI services); each run uses its own channel.
const REDIS = process.env.SOTAY_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const NATS = process.env.SOTAY_TEST_NATS ?? 'nats://127.0.0.1:4222';

function nextEvent(bus: EventBus, pattern: string): Promise<DomainEvent> {
  return new Promise((resolve) => {
    const off = bus.subscribe(pattern, (e) => {
      off();
      resolve(e);
    });
  });
}

const opened: EventBus[] = [];
afterAll(async () => {
  await Promise.all(opened.map((b) => b.close()));
});

describe.each([
  ['redis', REDIS],
  ['nats', NATS],
])('%s event bus', (_name, url) => {
  const channel = `sotay_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const open = async (ch = channel) => {
    const bus = await createEventBus(url, { channel: ch });
    opened.push(bus);
    return bus;
  };

  it('delivers an event published by one process to subscribers of another, payload intact', async () => {
    const a = await open();
    const b = await open();
    const got = nextEvent(b, 'meeting.*');
    const ownCopy = nextEvent(a, 'meeting.m1.step');
    await a.publish({ topic: 'meeting.m1.step', payload: { step: 3, title: 'Biểu quyết nghị quyết' } });
    expect(await got).toEqual({
      topic: 'meeting.m1.step',
      payload: { step: 3, title: 'Biểu quyết nghị quyết' },
    });
    expect((await ownCopy).payload.step).toBe(3);
  });

  it('keeps installations apart by channel and stops delivering after unsubscribe', async () => {
    const a = await open();
    const other = await open(`${channel}_other`);
    const b = await open();
    const seenByOther: string[] = [];
    other.subscribe('report.*', (e) => seenByOther.push(e.topic));
    const unsubscribed: string[] = [];
    const off = b.subscribe('report.*', (e) => unsubscribed.push(e.topic));
    off();
    const received: string[] = [];
    b.subscribe('report.*', (e) => received.push(e.topic));
    const last = nextEvent(b, 'report.done');
    await a.publish({ topic: 'report.submitted', payload: {} });
    await a.publish({ topic: 'report.done', payload: {} });
    await last;
    expect(received).toEqual(['report.submitted', 'report.done']);
    expect(unsubscribed).toEqual([]);
    // The other installation's subscriber had the same time to receive; it got nothing.
    const marker = nextEvent(other, 'report.marker');
    const otherPublisher = await open(`${channel}_other`);
    await otherPublisher.publish({ topic: 'report.marker', payload: {} });
    await marker;
    expect(seenByOther).toEqual(['report.marker']);
  });
});
