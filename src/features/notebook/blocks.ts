/**
 * Sanitised rich text (the small tag set of src/platform/html/sanitize.ts) as a list of blocks with styled runs,
 * the common ground of the Markdown and DOCX exports.
 */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  href?: string;
}

export interface Block {
  kind: 'h2' | 'h3' | 'h4' | 'p' | 'quote' | 'ul' | 'ol';
  runs: Run[];
  /** Nesting depth of a list item (0 = top level). */
  depth: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '');
}

export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const style = { bold: 0, italic: 0, underline: 0, strike: 0 };
  let href: string | undefined;
  const lists: Array<'ul' | 'ol'> = [];
  let quote = 0;
  let current: Block | null = null;
  const open = (kind: Block['kind']) => {
    current = { kind, runs: [], depth: Math.max(0, lists.length - 1) };
    blocks.push(current);
    return current;
  };
  const close = () => {
    current = null;
  };
  const re = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const [, slash, tag, attrs, text] = m;
    if (text !== undefined) {
      const value = decode(text);
      if (!value.trim() && !current) continue;
      const block: Block = current ?? open(quote ? 'quote' : 'p');
      block.runs.push({
        text: value,
        ...(style.bold ? { bold: true } : {}),
        ...(style.italic ? { italic: true } : {}),
        ...(style.underline ? { underline: true } : {}),
        ...(style.strike ? { strike: true } : {}),
        ...(href ? { href } : {}),
      });
      continue;
    }
    const closing = slash === '/';
    switch (tag) {
      case 'h2':
      case 'h3':
      case 'h4':
        if (closing) close();
        else open(tag);
        break;
      case 'p':
      case 'td':
      case 'th':
      case 'caption':
        if (closing) close();
        else open(quote ? 'quote' : 'p');
        break;
      case 'blockquote':
        quote += closing ? -1 : 1;
        close();
        break;
      case 'ul':
      case 'ol':
        if (closing) lists.pop();
        else lists.push(tag);
        close();
        break;
      case 'li':
        if (closing) close();
        else open(lists[lists.length - 1] ?? 'ul');
        break;
      case 'br':
        if (current) (current as Block).runs.push({ text: '\n' });
        break;
      case 'strong':
        style.bold += closing ? -1 : 1;
        break;
      case 'em':
        style.italic += closing ? -1 : 1;
        break;
      case 'u':
        style.underline += closing ? -1 : 1;
        break;
      case 's':
        style.strike += closing ? -1 : 1;
        break;
      case 'a':
        href = closing ? undefined : decode(/href="([^"]*)"/.exec(attrs ?? '')?.[1] ?? '') || undefined;
        break;
      default:
        break;
    }
  }
  return blocks.filter((b) => b.runs.some((r) => r.text.trim()));
}
