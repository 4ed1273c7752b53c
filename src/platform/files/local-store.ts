import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { assertValidKey } from './store.ts';
import type { ByteRange, FileStat, FileStore } from './store.ts';

// '~' never appears in a key, so metadata and temporary files cannot collide with stored objects.
const META_SUFFIX = '~meta.json';
const TEMP_PREFIX = '.tmp~';

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** Stores objects as files under rootDir (embedded mode: `<SOTAY_DATA_DIR>/files`). */
export class LocalFileStore implements FileStore {
  readonly root: string;

  constructor(rootDir: string) {
    this.root = resolve(rootDir);
  }

  private pathFor(key: string): string {
    assertValidKey(key);
    const path = resolve(join(this.root, ...key.split('/')));
    // Key validation already rules out traversal; this guards against any future change to it.
    if (!path.startsWith(this.root + sep)) throw new RangeError('File store key escapes the root directory');
    return path;
  }

  /** Writes to a temporary file, flushes it to disk, then renames: readers see the old object or the new one. */
  private async writeAtomic(path: string, data: Uint8Array): Promise<void> {
    const dir = dirname(path);
    const temp = join(dir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
    const handle = await open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  private async syncDir(dir: string): Promise<void> {
    // Makes the rename itself durable; some platforms cannot open directories, which is harmless.
    try {
      const handle = await open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      /* directory fsync unsupported */
    }
  }

  async put(key: string, bytes: Uint8Array, mime: string): Promise<void> {
    const path = this.pathFor(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o750 });
    // Metadata first: the data file appearing is the commit point, so a crash never leaves data without its type.
    await this.writeAtomic(path + META_SUFFIX, new TextEncoder().encode(JSON.stringify({ mime })));
    await this.writeAtomic(path, bytes);
    await this.syncDir(dirname(path));
  }

  async get(key: string, range?: ByteRange): Promise<Readable | null> {
    const path = this.pathFor(key);
    try {
      const handle = await open(path, 'r');
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async stat(key: string): Promise<FileStat | null> {
    const path = this.pathFor(key);
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      size = info.size;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
    let mime: string | null = null;
    try {
      const meta = JSON.parse(await readFile(path + META_SUFFIX, 'utf8')) as { mime?: unknown };
      if (typeof meta.mime === 'string') mime = meta.mime;
    } catch {
      /* metadata missing or unreadable: the bytes are still valid */
    }
    return { size, mime };
  }

  async delete(key: string): Promise<void> {
    const path = this.pathFor(key);
    await rm(path, { force: true });
    await rm(path + META_SUFFIX, { force: true });
  }
}
