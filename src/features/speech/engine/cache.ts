import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const KEY = /^[0-9a-f]{64}$/;

/**
 * Encoded audio on disk, one file per key under a two-character fan-out directory. Writes go to a temporary file
 * that is renamed into place, so a reader never sees half a file, even with several processes sharing the
 * directory; two processes racing on one key both write the same bytes.
 */
export class DiskAudioCache {
  constructor(
    private readonly directory: string,
    private readonly extension = 'mp3',
  ) {}

  pathFor(key: string): string {
    if (!KEY.test(key)) throw new Error('cache key must be a sha256 hex digest');
    return join(this.directory, key.slice(0, 2), `${key}.${this.extension}`);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.pathFor(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathFor(key);
    await mkdir(join(this.directory, key.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
