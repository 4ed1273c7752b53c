/** Unicode NFC: the one form every stored and compared Vietnamese string is kept in. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

// One entry per BMP code point below U+2000 (covers Latin, combining marks and Latin Extended Additional,
// where all precomposed Vietnamese letters live). 0 means "drop" (a combining mark); the table is built once
// from NFD so no per-character regex or normalisation runs while folding.
const TABLE_SIZE = 0x2000;
const FOLD_TABLE = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    const base = String.fromCharCode(c)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    if (c >= 0x0300 && c <= 0x036f) table[c] = 0;
    else if (base.length === 1) table[c] = base.charCodeAt(0);
    else table[c] = c;
  }
  // đ/Đ have no decomposition; Ð (U+00D0) and ð are common look-alike typos for Đ/đ in pasted text.
  for (const ch of ['đ', 'Đ', 'Ð', 'ð']) table[ch.charCodeAt(0)] = 0x64;
  return table;
}

// Reused output buffer: folding allocates nothing per character and only one string per call.
let buffer = new Uint16Array(1024);
const CHUNK = 8192; // String.fromCharCode.apply argument limit stays far away

/**
 * Search key form: lowercase, tone and vowel marks removed, đ → d, digits and everything else kept.
 * Works on NFC or decomposed input alike (combining marks are dropped).
 */
export function fold(s: string): string {
  const n = s.length;
  if (buffer.length < n) buffer = new Uint16Array(Math.max(n, buffer.length * 2));
  const buf = buffer;
  let j = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let mapped = c;
    if (c >= 0x41) {
      if (c < TABLE_SIZE) mapped = FOLD_TABLE[c] as number;
      else if (c < 0xd800 || c > 0xdfff) {
        // Outside Latin (Greek, Cyrillic, fullwidth…): plain lower-casing, one code unit to one.
        const lower = String.fromCharCode(c).toLowerCase();
        if (lower.length === 1) mapped = lower.charCodeAt(0);
      }
    }
    if (mapped !== c) changed = true;
    if (mapped !== 0) buf[j++] = mapped;
  }
  if (!changed) return s;
  let out = '';
  for (let k = 0; k < j; k += CHUNK) {
    out += String.fromCharCode.apply(null, buf.subarray(k, Math.min(j, k + CHUNK)) as unknown as number[]);
  }
  return out;
}
