// Shapes extracted text for search and speech: NFC, clean whitespace, paragraphs separated by one blank line.

// Control characters other than tab and newline, soft hyphens, zero-width characters and the BOM.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/g;

function cleanLine(line: string): string {
  return line.replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000 ]+/g, ' ').trim();
}

/** Cleans each paragraph, keeping line breaks inside it, and drops empty ones. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) =>
      p
        .normalize('NFC')
        .replace(INVISIBLE, '')
        .split('\n')
        .map(cleanLine)
        .filter((l) => l !== '')
        .join('\n'),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}

/** Splits plain text into paragraphs at blank lines. */
export function plainTextParagraphs(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n/);
}

/** Cuts text to at most maxChars, preferring a paragraph boundary. */
export function truncateText(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  const cut = text.slice(0, maxChars);
  const boundary = cut.lastIndexOf('\n\n');
  return { text: (boundary > maxChars / 2 ? cut.slice(0, boundary) : cut).trimEnd(), truncated: true };
}
