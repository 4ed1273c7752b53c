import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMasterKey, NotebookKeyring, parseMasterKey } from './crypto.ts';

describe('notebook sealing', () => {
  const ring = new NotebookKeyring(randomBytes(32));

  it('round-trips Vietnamese text and never repeats a ciphertext', () => {
    const a = ring.seal('acc-1', 'note-1', 'Ghi chép: Đảng viên phải gương mẫu');
    const b = ring.seal('acc-1', 'note-1', 'Ghi chép: Đảng viên phải gương mẫu');
    expect(a).not.toBe(b);
    expect(ring.open('acc-1', 'note-1', a)).toBe('Ghi chép: Đảng viên phải gương mẫu');
  });

  it('does not open under another account, another note id, a tampered body or another master key', () => {
    const sealed = ring.seal('acc-1', 'note-1', 'bí mật');
    expect(() => ring.open('acc-2', 'note-1', sealed)).toThrow();
    expect(() => ring.open('acc-1', 'note-2', sealed)).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => ring.open('acc-1', 'note-1', `v1.${raw.toString('base64')}`)).toThrow();
    // A backup restored on a server with another key reads nothing.
    expect(() => new NotebookKeyring(randomBytes(32)).open('acc-1', 'note-1', sealed)).toThrow();
  });

  it('derives distinct keys per account and keyed link references', () => {
    expect(ring.keysFor('a').seal.equals(ring.keysFor('b').seal)).toBe(false);
    expect(ring.keysFor('a').seal.equals(ring.keysFor('a').link)).toBe(false);
    expect(ring.linkRef('a', 'document', 'd1')).toBe(ring.linkRef('a', 'document', 'd1'));
    expect(ring.linkRef('a', 'document', 'd1')).not.toBe(ring.linkRef('b', 'document', 'd1'));
  });

  it('takes the master key from the environment, else creates one private file and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-key-'));
    const k1 = loadMasterKey(dir, {});
    const k2 = loadMasterKey(dir, {});
    expect(k1.equals(k2)).toBe(true);
    expect(fs.statSync(path.join(dir, 'keys', 'notebook.key')).mode & 0o777).toBe(0o600);
    const env = randomBytes(32).toString('base64');
    expect(loadMasterKey(dir, { SOTAY_NOTEBOOK_KEY: env }).toString('base64')).toBe(env);
    expect(() => parseMasterKey('c2hvcnQ=')).toThrow(/32 bytes/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
