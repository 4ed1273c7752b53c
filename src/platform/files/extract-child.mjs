// Parses one PDF or DOCX in a separate process, so a hostile or corrupt file can exhaust at most this process's
// memory or time, never the server's. Plain JavaScript because it runs on bare Node, outside the TS loader.

/** @param {unknown} err */
function describe(err) {
  if (err && typeof err === 'object') {
    const name = 'name' in err ? String(err.name) : '';
    const message = 'message' in err ? String(err.message) : '';
    return { name, message: message.slice(0, 300) };
  }
  return { name: '', message: String(err).slice(0, 300) };
}

/** @param {{ kind: string, bytes: Uint8Array }} job */
async function run({ kind, bytes }) {
  if (kind === 'pdf') {
    const { extractTextItems } = await import('unpdf');
    const { items } = await extractTextItems(bytes);
    const pages = items.map((page) =>
      page.map((i) => ({
        str: i.str,
        x: i.x,
        y: i.y,
        width: i.width,
        height: i.height || i.fontSize,
        hasEOL: i.hasEOL,
      })),
    );
    return { ok: true, pages };
  }
  if (kind === 'docx') {
    const { default: mammoth } = await import('mammoth');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { ok: true, text: value };
  }
  return { ok: false, error: { name: 'Unsupported', message: String(kind) } };
}

process.once('message', (job) => {
  run(job)
    .catch((err) => ({ ok: false, error: describe(err) }))
    .then((result) => process.send?.(result, () => process.exit(0)));
});
