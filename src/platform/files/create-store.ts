import { join } from 'node:path';
import { LocalFileStore } from './local-store.ts';
import { S3FileStore } from './s3-store.ts';
import type { S3Options } from './s3-store.ts';
import type { FileStore } from './store.ts';

export type FileStoreConfig = { kind: 'local'; dir: string } | ({ kind: 's3' } & S3Options);

export function createFileStore(config: FileStoreConfig): FileStore {
  switch (config.kind) {
    case 'local':
      return new LocalFileStore(config.dir);
    case 's3': {
      const { kind: _kind, ...options } = config;
      return new S3FileStore(options);
    }
  }
}

/** The embedded-mode location of attachments inside the data directory. */
export function localFilesDir(dataDir: string): string {
  return join(dataDir, 'files');
}
