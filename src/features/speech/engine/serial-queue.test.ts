import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue.ts';

describe('SerialQueue', () => {
  it('runs tasks one at a time in arrival order', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, ticks: number) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all([
      queue.run(task('a', 5)),
      queue.run(task('b', 1)),
      queue.run(task('c', 3)),
    ]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('keeps going after a task fails', async () => {
    const queue = new SerialQueue();
    const failing = queue.run(() => Promise.reject(new Error('hỏng')));
    const next = queue.run(() => 'tiếp');
    await expect(failing).rejects.toThrow('hỏng');
    await expect(next).resolves.toBe('tiếp');
  });
});
