// Attachments platform: what documents, news, meetings, petitions and reports use for their files.
export { FileError, isFileError } from './errors.ts';
export type { FileErrorCode } from './errors.ts';
export {
  KINDS,
  DOCUMENT_KINDS,
  OFFICE_KINDS,
  IMAGE_KINDS,
  AUDIO_KINDS,
  TEXT_KINDS,
  extensionOf,
  kindFromName,
} from './kinds.ts';
export type { FileKind, KindInfo } from './kinds.ts';
export { detectFileType } from './detect.ts';
export type { DetectedType } from './detect.ts';
export { checkUpload } from './upload.ts';
export type { CheckedUpload, UploadInput } from './upload.ts';
export { extractText, canExtractText } from './extract.ts';
export type { ExtractOptions, ExtractResult, ExtractStatus } from './extract.ts';
export { isValidKey, assertValidKey, keyForContent, sha256Hex } from './store.ts';
export type { ByteRange, FileStat, FileStore } from './store.ts';
export { LocalFileStore } from './local-store.ts';
export { S3FileStore, S3Error } from './s3-store.ts';
export type { S3Options } from './s3-store.ts';
export { createFileStore, localFilesDir } from './create-store.ts';
export type { FileStoreConfig } from './create-store.ts';
export { contentDisposition, cleanFileName, asciiFileName } from './content-disposition.ts';
export { fileResponseHeaders, parseRange, rangeResponseHeaders, sendStoredFile } from './serve.ts';
export type { ServedFile } from './serve.ts';
export { saveUpload } from './save.ts';
export type { SavedUpload } from './save.ts';
