// The file kinds the platform accepts, with their canonical MIME type and the extensions a user may give them.
export type FileKind =
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'odt'
  | 'png'
  | 'jpeg'
  | 'webp'
  | 'gif'
  | 'mp3'
  | 'ogg'
  | 'text'
  | 'markdown'
  | 'csv';

export interface KindInfo {
  mime: string;
  /** Canonical extension, without the dot. */
  ext: string;
  /** Every extension a file of this kind may carry. */
  exts: readonly string[];
  /** Short name shown to users in messages. */
  label: string;
}

export const KINDS: Readonly<Record<FileKind, KindInfo>> = {
  pdf: { mime: 'application/pdf', ext: 'pdf', exts: ['pdf'], label: 'PDF' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    exts: ['docx'],
    label: 'Word (DOCX)',
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    exts: ['xlsx'],
    label: 'Excel (XLSX)',
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ext: 'pptx',
    exts: ['pptx'],
    label: 'PowerPoint (PPTX)',
  },
  odt: { mime: 'application/vnd.oasis.opendocument.text', ext: 'odt', exts: ['odt'], label: 'ODT' },
  png: { mime: 'image/png', ext: 'png', exts: ['png'], label: 'PNG' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', exts: ['jpg', 'jpeg', 'jpe', 'jfif'], label: 'JPEG' },
  webp: { mime: 'image/webp', ext: 'webp', exts: ['webp'], label: 'WebP' },
  gif: { mime: 'image/gif', ext: 'gif', exts: ['gif'], label: 'GIF' },
  mp3: { mime: 'audio/mpeg', ext: 'mp3', exts: ['mp3'], label: 'MP3' },
  ogg: { mime: 'audio/ogg', ext: 'ogg', exts: ['ogg', 'oga', 'opus'], label: 'OGG/Opus' },
  text: {
    mime: 'text/plain; charset=utf-8',
    ext: 'txt',
    exts: ['txt', 'text'],
    label: 'văn bản thuần (TXT)',
  },
  markdown: { mime: 'text/markdown; charset=utf-8', ext: 'md', exts: ['md', 'markdown'], label: 'Markdown' },
  csv: { mime: 'text/csv; charset=utf-8', ext: 'csv', exts: ['csv'], label: 'CSV' },
};

export const DOCUMENT_KINDS: readonly FileKind[] = ['pdf', 'docx', 'odt', 'text', 'markdown'];
export const OFFICE_KINDS: readonly FileKind[] = [
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'text',
  'markdown',
  'csv',
];
export const IMAGE_KINDS: readonly FileKind[] = ['png', 'jpeg', 'webp', 'gif'];
export const AUDIO_KINDS: readonly FileKind[] = ['mp3', 'ogg'];
export const TEXT_KINDS: readonly FileKind[] = ['text', 'markdown', 'csv'];

/** Lower-case extension of a file name without the dot, or '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return '';
  return base.slice(dot + 1).toLowerCase();
}

/** The kind a file name claims by its extension, or null for an unknown extension. */
export function kindFromName(name: string): FileKind | null {
  const ext = extensionOf(name);
  if (!ext) return null;
  for (const [kind, info] of Object.entries(KINDS) as [FileKind, KindInfo][]) {
    if (info.exts.includes(ext)) return kind;
  }
  return null;
}
