const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** Value of a well-formed upper-case Roman numeral (1–3999), or undefined ("IIII", "VX", "" are not). */
export function parseRoman(s: string): number | undefined {
  if (s.length === 0 || !ROMAN.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = VALUES[s[i] as string] as number;
    const next = i + 1 < s.length ? (VALUES[s[i + 1] as string] as number) : 0;
    total += v < next ? -v : v;
  }
  return total;
}
