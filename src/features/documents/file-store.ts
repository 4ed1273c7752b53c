import { createFileStore, localFilesDir, type FileStore } from '../../platform/files/index.ts';
import type { AppContext } from '../../platform/context.ts';

const stores = new WeakMap<AppContext, FileStore>();

/**
 * Where attachments live: S3-style object storage when SOTAY_S3_BUCKET is set (scale-out: every process sees
 * the same files), else the data directory's `files` folder (embedded mode).
 */
export function fileStoreOf(ctx: AppContext, env: NodeJS.ProcessEnv = process.env): FileStore {
  let store = stores.get(ctx);
  if (store) return store;
  const bucket = env.SOTAY_S3_BUCKET?.trim();
  if (bucket) {
    const endpoint = env.SOTAY_S3_ENDPOINT?.trim();
    const accessKeyId = env.SOTAY_S3_ACCESS_KEY_ID?.trim();
    const secretAccessKey = env.SOTAY_S3_SECRET_ACCESS_KEY?.trim();
    if (!endpoint || !accessKeyId || !secretAccessKey)
      throw new Error(
        'SOTAY_S3_BUCKET needs SOTAY_S3_ENDPOINT, SOTAY_S3_ACCESS_KEY_ID and SOTAY_S3_SECRET_ACCESS_KEY',
      );
    store = createFileStore({
      kind: 's3',
      endpoint,
      bucket,
      region: env.SOTAY_S3_REGION?.trim() || 'us-east-1',
      accessKeyId,
      secretAccessKey,
      forcePathStyle: env.SOTAY_S3_PATH_STYLE !== '0',
    });
  } else {
    store = createFileStore({ kind: 'local', dir: localFilesDir(ctx.config.dataDir) });
  }
  stores.set(ctx, store);
  return store;
}
