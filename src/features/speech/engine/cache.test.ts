import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskAudioCache } from './cache.ts';

const key = (text: string) => createHash('sha256').update(text).digest('hex');

describe('DiskAudioCache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'speech-cache-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('misses, then returns exactly the bytes stored, from a second instance too', async () => {
    const cache = new DiskAudioCache(dir);
    const id = key('xin chào');
    expect(await cache.get(id)).toBeUndefined();
    const bytes = Uint8Array.from([0xff, 0xf3, 1, 2, 3]);
    await cache.put(id, bytes);
    expect(await cache.get(id)).toEqual(bytes);
    expect(await new DiskAudioCache(dir).get(id)).toEqual(bytes);
  });

  it('leaves no temporary files behind, also when writers race on one key', async () => {
    const cache = new DiskAudioCache(dir);
    const id = key('chi bộ');
    const bytes = new Uint8Array(50_000).fill(7);
    await Promise.all(Array.from({ length: 8 }, () => cache.put(id, bytes)));
    expect(await readdir(join(dir, id.slice(0, 2)))).toEqual([`${id}.mp3`]);
    expect(await cache.get(id)).toEqual(bytes);
  });

  it('refuses keys that are not sha256 digests, so no path can escape the directory', async () => {
    const cache = new DiskAudioCache(dir);
    await expect(cache.get('../../etc/passwd')).rejects.toThrow(/sha256/);
    await expect(cache.put('ABC', new Uint8Array())).rejects.toThrow(/sha256/);
  });
});
