export const NEWS_SECTIONS = ['international', 'national', 'province', 'bulletin'] as const;
export type NewsSection = (typeof NEWS_SECTIONS)[number];

export const SECTION_NAMES: Record<NewsSection, string> = {
  international: 'Quốc tế',
  national: 'Trong nước',
  province: 'Trong tỉnh',
  bulletin: 'Bản tin nội bộ',
};

/** A short plain-text opening cut at a word boundary. */
export function excerptOf(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max).replace(/[\s,.;:–-]+$/, '')}…`;
}
