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

/**
 * Search key form: lowercase, tone and vowel marks removed, đ → d, digits and everything else kept.
 * Works on NFC or decomposed input alike (combining marks are dropped).
 */
export function fold(s: string): string {
  let out = '';
  let runStart = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let mapped: number;
    if (c < 0x41) continue; // digits, space and ASCII punctuation map to themselves
    if (c < TABLE_SIZE) mapped = FOLD_TABLE[c] as number;
    else if (c >= 0xd800 && c <= 0xdfff)
      continue; // surrogate halves (emoji, rare scripts): kept as is
    else {
      const lower = String.fromCharCode(c).toLowerCase();
      mapped = lower.length === 1 ? lower.charCodeAt(0) : c;
    }
    if (mapped === c) continue;
    out += s.slice(runStart, i);
    if (mapped !== 0) out += String.fromCharCode(mapped);
    runStart = i + 1;
  }
  return runStart === 0 ? s : out + s.slice(runStart);
}
