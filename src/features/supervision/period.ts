/** Supervision periods: a month (2026-11), a quarter (2026-Q4) or a year (2026), as the list of their months. */
export function monthsOf(period: string): string[] | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return [period];
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const q = Number(m[2]);
    return [0, 1, 2].map((k) => `${m![1]}-${String((q - 1) * 3 + k + 1).padStart(2, '0')}`);
  }
  m = /^(\d{4})$/.exec(period);
  if (m) return Array.from({ length: 12 }, (_, k) => `${m![1]}-${String(k + 1).padStart(2, '0')}`);
  return null;
}

/** The twelve months ending with `month`, oldest first (for trend charts). */
export function trailingMonths(month: string, n = 12): string[] {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, k) => {
    const d = new Date(Date.UTC(y, mo - 1 - (n - 1 - k), 1));
    return d.toISOString().slice(0, 7);
  });
}
