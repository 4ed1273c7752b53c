import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Notes are sealed with AES-256-GCM under a key derived per account from one server master key (HKDF-SHA256,
 * salt = account id). The master key comes from SOTAY_NOTEBOOK_KEY or a file in the data directory created on
 * first use; it never enters the database, so a database dump or a backup restored without it reads nothing.
 * See docs/notebook-encryption.md for what this does and does not protect against.
 */
export const SEAL_VERSION = 'v1';
const KEY_FILE = path.join('keys', 'notebook.key');

export class NotebookKeyError extends Error {}

export function parseMasterKey(raw: string): Buffer {
  const key = Buffer.from(raw.trim(), 'base64');
  if (key.length !== 32) throw new NotebookKeyError('SOTAY_NOTEBOOK_KEY must be 32 bytes in base64');
  return key;
}

/** Reads the master key from the environment, else from `<dataDir>/keys/notebook.key`, creating it (0600). */
export function loadMasterKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.SOTAY_NOTEBOOK_KEY?.trim();
  if (fromEnv) return parseMasterKey(fromEnv);
  const file = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(file)) return parseMasterKey(fs.readFileSync(file, 'utf8'));
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    // 'wx': two processes starting together must not overwrite each other's key.
    fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      return parseMasterKey(fs.readFileSync(file, 'utf8'));
    throw err;
  }
}

/** Per-account keys: one for sealing notes, one for the keyed link references (never the same key twice). */
export interface AccountKeys {
  seal: Buffer;
  link: Buffer;
}

export class NotebookKeyring {
  private readonly cache = new Map<string, AccountKeys>();
  constructor(private readonly master: Buffer) {}

  keysFor(accountId: string): AccountKeys {
    let keys = this.cache.get(accountId);
    if (!keys) {
      const derive = (info: string) =>
        Buffer.from(hkdfSync('sha256', this.master, Buffer.from(accountId, 'utf8'), info, 32));
      keys = { seal: derive('sotay notebook seal v1'), link: derive('sotay notebook link v1') };
      // Bounded: derivation is cheap, the cache only saves it for busy accounts.
      if (this.cache.size >= 10_000) this.cache.clear();
      this.cache.set(accountId, keys);
    }
    return keys;
  }

  /**
   * `v1.<base64 iv|tag|ciphertext>`. The note id and owner are bound in as associated data, so a sealed body
   * copied onto another row or another owner fails to open instead of being read under the wrong name.
   */
  seal(accountId: string, noteId: string, plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keysFor(accountId).seal, iv);
    cipher.setAAD(aad(accountId, noteId));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${SEAL_VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
  }

  open(accountId: string, noteId: string, sealed: string): string {
    const [version, body] = sealed.split('.', 2);
    if (version !== SEAL_VERSION || !body) throw new NotebookKeyError('unknown seal version');
    const raw = Buffer.from(body, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.keysFor(accountId).seal, raw.subarray(0, 12));
    decipher.setAAD(aad(accountId, noteId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** A keyed reference to a linked item: lets the owner find "my notes on document X" without storing X. */
  linkRef(accountId: string, type: string, id: string): string {
    return createHmac('sha256', this.keysFor(accountId).link).update(`${type}:${id}`).digest('base64url');
  }
}

function aad(accountId: string, noteId: string): Buffer {
  return Buffer.from(`sotay-note:${accountId}:${noteId}`, 'utf8');
}

const keyrings = new Map<string, NotebookKeyring>();

/** One keyring per data directory (tests run several apps in one process). */
export function keyringFor(dataDir: string, env: NodeJS.ProcessEnv = process.env): NotebookKeyring {
  let ring = keyrings.get(dataDir);
  if (!ring) {
    ring = new NotebookKeyring(loadMasterKey(dataDir, env));
    keyrings.set(dataDir, ring);
  }
  return ring;
}
