// Runs PDF and DOCX parsing in a worker thread so a hostile or corrupt file can be stopped by time and memory
// limits without harming the server process. Plain JavaScript because worker threads start outside the TS loader.
import { parentPort, workerData } from 'node:worker_threads';

/** @param {unknown} err */
function describe(err) {
  if (err && typeof err === 'object') {
    const name = 'name' in err ? String(err.name) : '';
    const message = 'message' in err ? String(err.message) : '';
    return { name, message: message.slice(0, 300) };
  }
  return { name: '', message: String(err).slice(0, 300) };
}

async function run() {
  const { kind, bytes } = workerData;
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

run().then(
  (result) => parentPort?.postMessage(result),
  (err) => parentPort?.postMessage({ ok: false, error: describe(err) }),
);
