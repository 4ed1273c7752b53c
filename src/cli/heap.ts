import v8 from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection, for a serving process.
 * V8's own factor goes up to 4× while collections are cheap: under 50 concurrent connections the request
 * objects that outlive two scavenges die in the old generation, and the heap was measured growing to ~310 MB
 * committed around ~70 MB live (RSS 410 MB) before a full collection. 100 (2×) kept it at ~180 MB committed
 * for three more full collections in the same run (each ~10–50 ms, incremental). Not a cap: the heap still
 * grows with what is live, so a larger working set never runs out of memory because of it.
 * SOTAY_HEAP_GROWING_PERCENT=0 keeps V8's default.
 */
export function tuneHeapForServing(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SOTAY_HEAP_GROWING_PERCENT?.trim();
  const percent = raw === undefined || raw === '' ? 100 : Number(raw);
  if (!Number.isInteger(percent) || percent < 0 || percent > 1000)
    throw new Error('SOTAY_HEAP_GROWING_PERCENT must be a whole number from 0 to 1000');
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}
