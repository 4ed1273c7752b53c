import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { saveUpload } from './save.ts';
import { LocalFileStore } from './local-store.ts';
import { FileError } from './errors.ts';
import { DOCUMENT_KINDS } from './kinds.ts';
import { makePdf } from './test-fixtures.ts';

describe('saveUpload', () => {
  let root: string;
  let store: LocalFileStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'sotay-save-'));
    store = new LocalFileStore(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores a checked file under its content key and returns what to record', async () => {
    const bytes = await makePdf(['Kế hoạch số 15-KH/ĐU']);
    const saved = await saveUpload(store, {
      bytes,
      name: 'Kế hoạch 15-KH/ĐU.pdf',
      allowed: DOCUMENT_KINDS,
      maxBytes: 1e7,
    });
    expect(saved).toMatchObject({
      kind: 'pdf',
      mime: 'application/pdf',
      size: bytes.length,
      fileName: 'Kế hoạch 15-KH-ĐU.pdf',
    });
    expect(saved.key).toBe(`sha256/${saved.sha256.slice(0, 2)}/${saved.sha256}`);
    expect(await store.stat(saved.key)).toEqual({ size: bytes.length, mime: 'application/pdf' });
  });

  it('keeps one copy of identical content', async () => {
    const bytes = new TextEncoder().encode('Danh sách đảng viên');
    const a = await saveUpload(store, { bytes, name: 'a.txt', allowed: ['text'], maxBytes: 1000 });
    const b = await saveUpload(store, { bytes, name: 'b.txt', allowed: ['text'], maxBytes: 1000 });
    expect(a.key).toBe(b.key);
    expect(await text((await store.get(a.key))!)).toBe('Danh sách đảng viên');
    const files = await readdir(root, { recursive: true, withFileTypes: true });
    expect(files.filter((f) => f.isFile())).toHaveLength(2); // the object and its metadata
  });

  it('writes nothing when the check fails', async () => {
    await expect(
      saveUpload(store, {
        bytes: new TextEncoder().encode('không phải PDF'),
        name: 'x.pdf',
        allowed: ['pdf'],
        maxBytes: 1000,
      }),
    ).rejects.toBeInstanceOf(FileError);
    expect(await readdir(root)).toEqual([]);
  });
});
