import { AppError } from '../../platform/errors.ts';
import { htmlToPlainText, sanitizeRichText } from '../../platform/html/sanitize.ts';
import { fold } from '../../text/fold.ts';
import './errors.ts';

/** Limits: a note is a diary page, not a book; the notebook stays small enough to search in memory. */
export const MAX_NOTE_CHARS = 100_000;
export const MAX_TITLE_CHARS = 300;
export const MAX_TAGS = 20;
export const MAX_TAG_CHARS = 50;
export const MAX_NOTES_PER_ACCOUNT = 5_000;
export const MAX_QUOTE_CHARS = 5_000;

export const LINK_TYPES = ['document', 'meeting', 'task', 'news'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export interface NoteLink {
  type: LinkType;
  id: string;
  /** A paragraph (or passage) anchor inside a document. */
  paragraph: string | null;
  /** What the owner saw when linking, e.g. the document title: shown without asking the other feature. */
  label: string | null;
}

/** The sealed part of a note: nothing here is ever stored or logged in clear. */
export interface NoteContent {
  title: string;
  html: string;
  tags: string[];
  link: NoteLink | null;
  /** The passage highlighted on a document, when the note was made from a highlight. */
  quote: string | null;
}

export interface NoteInput {
  title?: string | null;
  html?: string | null;
  tags?: string[] | null;
  link?: { type: string; id: string; paragraph?: string | null; label?: string | null } | null;
  quote?: string | null;
}

function cleanTags(tags: string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/^#/, '');
    if (!tag) continue;
    if (tag.length > MAX_TAG_CHARS) throw new AppError('NOTE_TOO_LARGE');
    if (!out.some((t) => fold(t) === fold(tag))) out.push(tag);
  }
  if (out.length > MAX_TAGS) throw new AppError('NOTE_TOO_LARGE');
  return out;
}

/** Cleans and checks what the owner sent; over-long input is refused with NOTE_TOO_LARGE, never cut. */
export function validateNote(input: NoteInput): NoteContent {
  const title = (input.title ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (title.length > MAX_TITLE_CHARS) throw new AppError('NOTE_TOO_LARGE');
  const raw = input.html ?? '';
  if (raw.length > MAX_NOTE_CHARS * 2) throw new AppError('NOTE_TOO_LARGE');
  const html = sanitizeRichText(raw);
  if (html.length > MAX_NOTE_CHARS) throw new AppError('NOTE_TOO_LARGE');
  const quote = input.quote?.normalize('NFC').trim() || null;
  if (quote && quote.length > MAX_QUOTE_CHARS) throw new AppError('NOTE_TOO_LARGE');
  let link: NoteLink | null = null;
  if (input.link) {
    if (!(LINK_TYPES as readonly string[]).includes(input.link.type)) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'link.type', message: 'Loại liên kết không hợp lệ.' }],
      });
    }
    link = {
      type: input.link.type as LinkType,
      id: input.link.id,
      paragraph: input.link.paragraph?.trim() || null,
      label: input.link.label?.normalize('NFC').trim().slice(0, 300) || null,
    };
  }
  if (!title && !htmlToPlainText(html) && !quote) throw new AppError('NOTE_EMPTY');
  return { title, html, tags: cleanTags(input.tags ?? []), link, quote };
}

/** Folded text of a note for matching: title, tags, body, quote and link label. */
export function searchableText(c: NoteContent): { title: string; all: string; plain: string } {
  const plain = htmlToPlainText(c.html);
  const title = fold(c.title);
  return {
    title,
    plain,
    all: [title, fold(c.tags.join(' ')), fold(plain), fold(c.quote ?? ''), fold(c.link?.label ?? '')].join(
      '\n',
    ),
  };
}
