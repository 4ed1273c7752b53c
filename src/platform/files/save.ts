import { cleanFileName } from './content-disposition.ts';
import { keyForContent, sha256Hex } from './store.ts';
import type { FileStore } from './store.ts';
import { checkUpload } from './upload.ts';
import type { CheckedUpload, UploadInput } from './upload.ts';

export interface SavedUpload extends CheckedUpload {
  /** Store key (content-addressed: the same bytes always get the same key). */
  key: string;
  sha256: string;
  /** The user's file name, made safe for display and for Content-Disposition. */
  fileName: string;
}

/**
 * Checks an upload (size, type by content) and writes it to the store under its content key.
 * Nothing is written when the check fails; the FileError propagates to the caller.
 */
export async function saveUpload(store: FileStore, input: UploadInput): Promise<SavedUpload> {
  const checked = checkUpload(input);
  const key = keyForContent(input.bytes);
  // Identical content is already stored under the same key; skip the rewrite.
  const existing = await store.stat(key);
  if (existing === null || existing.size !== input.bytes.length)
    await store.put(key, input.bytes, checked.mime);
  return { ...checked, key, sha256: sha256Hex(input.bytes), fileName: cleanFileName(input.name) };
}
