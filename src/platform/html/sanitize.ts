import sanitizeHtml from 'sanitize-html';
import type { Attributes, IOptions, Tag } from 'sanitize-html';

// Rich text written in the editor (news, documents, meeting content) is stored only after passing through here.

export interface SanitizeOptions {
  /** Our own origin (e.g. https://sotay.thaibinh.gov.vn): absolute links to it are not treated as external. */
  siteOrigin?: string;
}

const FILES_PATH = '/api/v1/files/';

// Elements whose content is dropped along with the element: code, styles, embedded documents, foreign markup.
const DROP_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'title',
  'head',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'xmp',
  'plaintext',
  'canvas',
  'audio',
  'video',
];

/** WHATWG URL parsing removes tabs and newlines anywhere and C0 controls/spaces at the ends. */
function urlAsBrowserSeesIt(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

type UrlUse = 'link' | 'image';

/** The URL to keep, or null when it is not allowed for this use. */
export function safeUrl(raw: string, use: UrlUse): string | null {
  const value = urlAsBrowserSeesIt(raw);
  // eslint-disable-next-line no-control-regex
  if (value === '' || /[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return null;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    const allowed = use === 'image' ? ['https'] : ['http', 'https', 'mailto'];
    if (!allowed.includes(scheme)) return null;
    if (scheme === 'mailto') return value;
    try {
      return new URL(value).href;
    } catch {
      return null;
    }
  }
  if (value.startsWith('//')) return null; // protocol-relative: another host in disguise
  if (use === 'link') return value;
  // Images may only come from our own file API, and must still point there once dot segments are resolved.
  try {
    const resolved = new URL(value, 'https://host.invalid');
    return value.startsWith(FILES_PATH) && resolved.pathname.startsWith(FILES_PATH) ? value : null;
  } catch {
    return null;
  }
}

function isExternal(href: string, siteOrigin: string | undefined): boolean {
  if (!/^https?:/i.test(href)) return false;
  if (!siteOrigin) return true;
  try {
    return new URL(href).origin !== new URL(siteOrigin).origin;
  } catch {
    return true;
  }
}

function spanValue(value: string | undefined): string | null {
  return value !== undefined && /^[1-9]\d?$/.test(value.trim()) ? value.trim() : null;
}

function tableCell(tagName: string, attribs: Attributes): Tag {
  const out: Attributes = {};
  for (const name of ['colspan', 'rowspan']) {
    const v = spanValue(attribs[name]);
    if (v) out[name] = v;
  }
  if (tagName === 'th' && ['row', 'col', 'rowgroup', 'colgroup'].includes(attribs.scope ?? '')) {
    out.scope = attribs.scope ?? '';
  }
  return { tagName, attribs: out };
}

function options(siteOrigin: string | undefined): IOptions {
  return {
    allowedTags: [
      'h2',
      'h3',
      'h4',
      'p',
      'br',
      'strong',
      'em',
      'u',
      's',
      'ul',
      'ol',
      'li',
      'blockquote',
      'a',
      'img',
      'table',
      'caption',
      'thead',
      'tbody',
      'tfoot',
      'tr',
      'th',
      'td',
    ],
    // rel, target and loading are only ever set by the transforms below, which rebuild the attribute list.
    allowedAttributes: {
      a: ['href', 'rel', 'target'],
      img: ['src', 'alt', 'loading'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    allowedStyles: {},
    allowedClasses: {},
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    parser: { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
    transformTags: {
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      b: 'strong',
      i: 'em',
      strike: 's',
      del: 's',
      ins: 'u',
      div: 'p',
      a: (_tagName, attribs): Tag => {
        const href = attribs.href === undefined ? null : safeUrl(attribs.href, 'link');
        if (href === null) return { tagName: 'a', attribs: {} };
        if (isExternal(href, siteOrigin)) {
          return { tagName: 'a', attribs: { href, rel: 'noopener noreferrer', target: '_blank' } };
        }
        return { tagName: 'a', attribs: { href } };
      },
      img: (_tagName, attribs): Tag => {
        const src = attribs.src === undefined ? null : safeUrl(attribs.src, 'image');
        const out: Attributes = {};
        if (src !== null) {
          out.src = src;
          out.alt = (attribs.alt ?? '').slice(0, 500);
          out.loading = 'lazy'; // phones on slow networks load images only when scrolled to
        }
        return { tagName: 'img', attribs: out };
      },
      th: tableCell,
      td: tableCell,
    },
    // An image without an acceptable source is removed entirely.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  };
}

/** Cleans editor HTML down to the allowed formatting; everything executable or stylistic is removed. */
export function sanitizeRichText(html: string, opts: SanitizeOptions = {}): string {
  return sanitizeHtml(html.normalize('NFC'), options(opts.siteOrigin)).trim();
}

const BLOCK_TAGS = [
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'table',
  'caption',
  'tr',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'hr',
  'dl',
  'dt',
  'dd',
];

const PLAIN_OPTIONS: IOptions = {
  allowedTags: [...BLOCK_TAGS, 'br', 'td', 'th'],
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  parser: { lowerCaseTags: true, decodeEntities: true },
};

/**
 * Readable text of rich HTML, for search and speech: block elements become paragraphs separated by a blank line,
 * <br> a line break, table cells are separated by spaces; scripts and styles contribute nothing.
 */
export function htmlToPlainText(html: string): string {
  const reduced = sanitizeHtml(html, PLAIN_OPTIONS);
  const marked = reduced
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/?(?:td|th)>/g, ' ')
    .replace(/<\/?[a-z0-9]+\s*\/?>/g, '\n\n');
  // sanitize-html escapes exactly these four characters in text.
  const text = marked
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return text
    .normalize('NFC')
    .split(/\n{2,}/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}
