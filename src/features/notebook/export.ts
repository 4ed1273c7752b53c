import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { htmlToBlocks, type Block, type Run } from './blocks.ts';
import type { Note } from './service.ts';

const LINK_NAMES: Record<string, string> = {
  document: 'Văn bản',
  meeting: 'Cuộc họp',
  task: 'Nhiệm vụ',
  news: 'Tin tức',
};

function dateVi(iso: string): string {
  const d = new Date(iso);
  const local = new Date(d.getTime() + 7 * 3600_000); // Vietnam time, no daylight saving
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(local.getUTCHours())}:${p(local.getUTCMinutes())} ngày ${p(local.getUTCDate())}/${p(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}

function mdRun(r: Run): string {
  if (r.text === '\n') return '  \n';
  const lead = /^\s*/.exec(r.text)![0];
  const trail = /\s*$/.exec(r.text)![0];
  let core = mdEscape(r.text.trim());
  if (!core) return r.text;
  if (r.strike) core = `~~${core}~~`;
  if (r.italic) core = `*${core}*`;
  if (r.bold) core = `**${core}**`;
  if (r.href) core = `[${core}](${r.href.replace(/[()\s]/g, encodeURIComponent)})`;
  return lead + core + trail;
}

function mdBlock(b: Block, index: number): string {
  const text = b.runs.map(mdRun).join('').trim();
  const indent = '  '.repeat(b.depth);
  switch (b.kind) {
    case 'h2':
      return `### ${text}`;
    case 'h3':
      return `#### ${text}`;
    case 'h4':
      return `##### ${text}`;
    case 'quote':
      return text
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'ul':
      return `${indent}- ${text}`;
    case 'ol':
      return `${indent}${index}. ${text}`;
    default:
      return text;
  }
}

function meta(note: Note): string[] {
  const lines = [`Cập nhật: ${dateVi(note.updatedAt)}`];
  if (note.tags.length) lines.push(`Thẻ: ${note.tags.map((t) => `#${t}`).join(' ')}`);
  if (note.link) {
    const what = LINK_NAMES[note.link.type] ?? note.link.type;
    lines.push(
      `Liên kết: ${what} ${note.link.label ?? note.link.id}${note.link.paragraph ? ` (đoạn ${note.link.paragraph})` : ''}`,
    );
  }
  return lines;
}

/** Markdown: one `##` section per note, list items numbered within their list. */
export function notesToMarkdown(notes: Note[], heading = 'Sổ tay cá nhân'): string {
  const out = [`# ${heading}`, ''];
  for (const note of notes) {
    out.push(`## ${mdEscape(note.title || 'Ghi chép không tiêu đề')}`, '');
    out.push(...meta(note).map((l) => `*${mdEscape(l)}*  `), '');
    if (note.quote) out.push(...note.quote.split('\n').map((l) => `> ${mdEscape(l)}`), '');
    let n = 0;
    let prev: Block['kind'] | null = null;
    const body: string[] = [];
    for (const b of htmlToBlocks(note.html)) {
      n = b.kind === 'ol' ? (prev === 'ol' ? n + 1 : 1) : 0;
      const isItem = b.kind === 'ul' || b.kind === 'ol';
      if (body.length && !(isItem && (prev === 'ul' || prev === 'ol'))) body.push('');
      body.push(mdBlock(b, n));
      prev = b.kind;
    }
    out.push(...body, '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function docxRuns(runs: Run[]): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of runs) {
    if (r.text === '\n') {
      out.push(new TextRun({ break: 1 }));
      continue;
    }
    const run = new TextRun({
      text: r.text,
      bold: r.bold,
      italics: r.italic,
      underline: r.underline ? {} : undefined,
      strike: r.strike,
      style: r.href ? 'Hyperlink' : undefined,
    });
    out.push(r.href ? new ExternalHyperlink({ link: r.href, children: [run] }) : run);
  }
  return out;
}

/** DOCX in Times New Roman 14 pt, the usual face of Vietnamese office papers; it carries every Vietnamese glyph. */
export async function notesToDocx(notes: Note[], heading = 'Sổ tay cá nhân'): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: heading, heading: HeadingLevel.TITLE })];
  for (const note of notes) {
    children.push(
      new Paragraph({ text: note.title || 'Ghi chép không tiêu đề', heading: HeadingLevel.HEADING_1 }),
    );
    for (const line of meta(note)) {
      children.push(new Paragraph({ children: [new TextRun({ text: line, italics: true, size: 24 })] }));
    }
    if (note.quote) {
      children.push(
        new Paragraph({
          children: [new TextRun({ text: note.quote, italics: true })],
          indent: { left: 720 },
        }),
      );
    }
    for (const b of htmlToBlocks(note.html)) {
      const runs = docxRuns(b.runs);
      if (b.kind === 'h2' || b.kind === 'h3' || b.kind === 'h4') {
        const level = { h2: HeadingLevel.HEADING_2, h3: HeadingLevel.HEADING_3, h4: HeadingLevel.HEADING_4 }[
          b.kind
        ];
        children.push(new Paragraph({ children: runs, heading: level }));
      } else if (b.kind === 'ul') {
        children.push(new Paragraph({ children: runs, bullet: { level: b.depth } }));
      } else if (b.kind === 'ol') {
        children.push(
          new Paragraph({ children: runs, numbering: { reference: 'note-list', level: b.depth } }),
        );
      } else if (b.kind === 'quote') {
        children.push(new Paragraph({ children: runs, indent: { left: 720 } }));
      } else children.push(new Paragraph({ children: runs }));
    }
  }
  const doc = new Document({
    creator: 'Sổ tay Đảng viên',
    title: heading,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    numbering: {
      config: [
        {
          reference: 'note-list',
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: 'decimal' as const,
            text: `%${level + 1}.`,
            alignment: 'left' as const,
          })),
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
