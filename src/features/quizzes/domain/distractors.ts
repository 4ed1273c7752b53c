import { fold, formatVnNumber, type Fact } from '../../../text/index.ts';

/** How an answer value is shown as an option ("80%", "Năm 2025", "8", "1.200 tỷ đồng", "19/11/2021"). */
export function optionText(kind: Fact['kind'], value: string, unit: string): string {
  if (kind === 'year') return `Năm ${value}`;
  if (kind === 'money') return `${value} ${unit}`;
  if (kind === 'percent') return value.replace(/\s+%/, '%');
  return value;
}

/** True when `value` occurs in `text` as a whole number or word, not inside a longer one ("2" in "2025"). */
export function mentions(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}

function nearNumbers(f: Fact): number[] {
  const n = f.numeric;
  switch (f.kind) {
    case 'percent':
      return [n - 10, n + 10, n - 20, n + 20, n - 5, n + 5, n - 30].filter((v) => v > 0 && v <= 100);
    case 'year':
      return [n + 1, n - 1, n + 2, n - 2, n + 5, n - 5];
    case 'count':
      return [n + 1, n - 1, n + 2, n * 2, n - 2, n + 5].filter((v) => v >= 1);
    case 'money':
      return [n * 2, n / 2, n * 1.5, n * 3, n / 4].filter((v) => v > 0);
    case 'date':
      return [];
  }
}

function shiftedDates(f: Fact): string[] {
  if (f.unit === 'day-month' || f.unit === 'month') {
    // Partial dates move by their own parts: "10/10" → "11/10", "10/11"; "5/2021" → "6/2021", "5/2020".
    const [a, b] = f.value.split('/').map(Number) as [number, number];
    const pairs =
      f.unit === 'day-month'
        ? [
            [a + 1, b],
            [a, b === 12 ? 1 : b + 1],
            [a - 1, b],
            [a, b === 1 ? 12 : b - 1],
          ]
        : [
            [a === 12 ? 1 : a + 1, b],
            [a, b - 1],
            [a === 1 ? 12 : a - 1, b],
            [a, b + 1],
          ];
    return pairs
      .filter(([x]) => x! >= 1 && x! <= (f.unit === 'month' ? 12 : 28))
      .map(([x, y]) => `${x}/${y}`);
  }
  const y = Math.floor(f.numeric / 10000);
  const m = Math.floor(f.numeric / 100) % 100;
  const d = f.numeric % 100;
  const out: string[] = [];
  for (const [dd, dm, dy] of [
    [1, 0, 0],
    [0, 1, 0],
    [-1, 0, 0],
    [0, 0, 1],
    [0, -1, 0],
    [5, 0, 0],
  ] as const) {
    const date = new Date(Date.UTC(y + dy, m - 1 + dm, d + dd));
    out.push(`${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`);
  }
  return out;
}

function formatLike(f: Fact, n: number): string {
  if (f.kind === 'percent') return `${formatVnNumber(n)}%`;
  if (f.kind === 'year') return String(n);
  return formatVnNumber(n);
}

/**
 * Three wrong options for a fact: first the same kind of value found elsewhere in the document (a real number
 * the reader may confuse), then near values. Values written in the question's own clause are never used, so
 * a distractor cannot make the shown text true.
 */
export function distractorsFor(
  fact: Fact,
  pool: readonly Fact[],
  clauseText: string,
  random: () => number,
  count = 3,
): string[] | null {
  const answer = optionText(fact.kind, fact.value, fact.unit);
  const seen = new Set([fold(answer)]);
  const inClause = fold(clauseText);
  const out: string[] = [];
  const tryAdd = (value: string) => {
    const text = optionText(fact.kind, value, fact.unit);
    const key = fold(text);
    if (seen.has(key) || out.length >= count) return;
    if (mentions(inClause, fold(value))) return;
    seen.add(key);
    out.push(text);
  };
  const same = pool
    .filter((p) => p.kind === fact.kind && p.unit === fact.unit && p.value !== fact.value)
    .sort((a, b) => Math.abs(a.numeric - fact.numeric) - Math.abs(b.numeric - fact.numeric));
  // Take at most two from the document so the near values keep the set varied.
  for (const p of same.slice(0, 2 + Math.floor(random() * 2))) tryAdd(p.value);
  const near = fact.kind === 'date' ? shiftedDates(fact) : nearNumbers(fact).map((n) => formatLike(fact, n));
  for (const v of near) tryAdd(v);
  return out.length === count ? out : null;
}
