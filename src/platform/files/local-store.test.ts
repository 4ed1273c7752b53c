import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import type { Readable } from 'node:stream';
import { LocalFileStore } from './local-store.ts';
import { isValidKey, keyForContent } from './store.ts';

async function readAll(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function listAll(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe('store keys', () => {
  it('accepts content keys and simple paths', () => {
    const key = keyForContent(new TextEncoder().encode('Đảng'));
    expect(key).toMatch(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(key.split('/')[1]).toBe(key.split('/')[2]?.slice(0, 2));
    expect(isValidKey(key)).toBe(true);
    expect(isValidKey('documents/2023/nq-02.pdf')).toBe(true);
  });

  it('refuses traversal, absolute paths, hidden names and odd characters', () => {
    for (const key of [
      '',
      '../etc/passwd',
      'a/../../b',
      '/etc/passwd',
      'a//b',
      'a/./b',
      '.hidden',
      'a/.tmp~x',
      'a\\..\\b',
      'a/b~meta.json',
      'tên-tệp.pdf',
      'a b',
      'C:/x',
      'a/',
      'x'.repeat(513),
      'a/b/c/d/e/f/g/h/i',
    ]) {
      expect(isValidKey(key), key).toBe(false);
    }
  });
});

describe('LocalFileStore', () => {
  let root: string;
  let store: LocalFileStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'sotay-files-'));
    store = new LocalFileStore(join(root, 'files'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores, reads, stats and deletes an object', async () => {
    const bytes = new TextEncoder().encode('Nghị quyết chi bộ tháng 11');
    const key = keyForContent(bytes);
    await store.put(key, bytes, 'text/plain; charset=utf-8');
    expect(await store.stat(key)).toEqual({ size: bytes.length, mime: 'text/plain; charset=utf-8' });
    expect(await text((await store.get(key))!)).toBe('Nghị quyết chi bộ tháng 11');
    await store.delete(key);
    expect(await store.stat(key)).toBeNull();
    expect(await store.get(key)).toBeNull();
    expect(await listAll(join(root, 'files'))).toEqual([]);
  });

  it('returns null for a missing key and ignores deleting one', async () => {
    expect(await store.get('sha256/ab/missing')).toBeNull();
    expect(await store.stat('sha256/ab/missing')).toBeNull();
    await expect(store.delete('sha256/ab/missing')).resolves.toBeUndefined();
  });

  it('reads a byte range', async () => {
    await store.put('audio/a.mp3', new TextEncoder().encode('0123456789'), 'audio/mpeg');
    expect((await readAll(await store.get('audio/a.mp3', { start: 2, end: 5 })))?.toString()).toBe('2345');
    expect((await readAll(await store.get('audio/a.mp3', { start: 7 })))?.toString()).toBe('789');
  });

  it('replaces an object atomically and leaves no temporary files', async () => {
    await store.put('doc/a.txt', new TextEncoder().encode('bản cũ'), 'text/plain');
    await store.put('doc/a.txt', new TextEncoder().encode('bản mới'), 'text/markdown');
    expect(await text((await store.get('doc/a.txt'))!)).toBe('bản mới');
    expect((await store.stat('doc/a.txt'))?.mime).toBe('text/markdown');
    expect((await listAll(join(root, 'files'))).sort()).toEqual(['doc/a.txt', 'doc/a.txt~meta.json']);
  });

  it('handles concurrent writes of the same content-addressed object', async () => {
    const bytes = new Uint8Array(64 * 1024).map((_, i) => i % 256);
    const key = keyForContent(bytes);
    await Promise.all(Array.from({ length: 8 }, () => store.put(key, bytes, 'application/octet-stream')));
    expect(Buffer.compare((await readAll(await store.get(key)))!, Buffer.from(bytes))).toBe(0);
    expect(await listAll(join(root, 'files'))).toHaveLength(2);
  });

  it('never touches files outside its root', async () => {
    await writeFile(join(root, 'secret.txt'), 'bí mật');
    for (const key of ['../secret.txt', 'a/../../secret.txt', '/secret.txt', '..']) {
      await expect(store.get(key)).rejects.toThrow(RangeError);
      await expect(store.put(key, new Uint8Array([1]), 'text/plain')).rejects.toThrow(RangeError);
      await expect(store.delete(key)).rejects.toThrow(RangeError);
    }
    expect(await listAll(root)).toEqual(['secret.txt']);
  });

  it('keeps the bytes readable when the metadata file is missing', async () => {
    await store.put('a/b.pdf', new Uint8Array([1, 2, 3]), 'application/pdf');
    await rm(join(root, 'files', 'a', 'b.pdf~meta.json'));
    expect(await store.stat('a/b.pdf')).toEqual({ size: 3, mime: null });
  });
});
