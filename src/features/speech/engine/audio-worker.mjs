// Worker thread for the CPU-heavy audio work, so a long sentence never stalls the server's event loop:
// eSpeak NG synthesis and LAME MP3 encoding, both WebAssembly, each loaded once on first use and then reused.
// Plain JavaScript so it runs as a worker without a TypeScript loader. Messages are handled one at a time.
import { parentPort } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let espeak;
let lame;

/**
 * The espeak-ng package is the command-line program compiled to WebAssembly: its only entry point is main(),
 * which keeps global state (getopt's position, the loaded voice) between calls. Start-up costs ~100 ms (the
 * embedded voice data is unpacked into the in-memory file system), a sentence only ~20 ms, so one instance is
 * kept and its linear memory is restored to the start-up snapshot before each run: every run then behaves like
 * a fresh process.
 */
async function createEspeak() {
  const { default: ESpeakNg } = await import('espeak-ng');
  const entry = createRequire(import.meta.url).resolve('espeak-ng');
  const wasm = await WebAssembly.compile(await readFile(join(dirname(entry), 'espeak-ng.wasm')));
  let exports;
  const stderr = [];
  const module = await ESpeakNg({
    noInitialRun: true,
    print: () => undefined,
    printErr: (line) => stderr.push(line),
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasm, imports).then((instance) => {
        exports = instance.exports;
        receive(instance, wasm);
      });
      return {};
    },
  });
  return {
    module,
    exports,
    stderr,
    pristine: new Uint8Array(exports.memory.buffer).slice(),
    stackTop: exports.stackSave(),
  };
}

function runEspeak(instance, { args, inputs, output }) {
  const { module, exports, pristine, stackTop, stderr } = instance;
  const memory = new Uint8Array(exports.memory.buffer);
  memory.set(pristine);
  if (memory.length > pristine.length) memory.fill(0, pristine.length);
  exports.stackRestore(stackTop);
  stderr.length = 0;

  const fs = module.FS;
  for (const [path, data] of Object.entries(inputs)) fs.writeFile(path, data);
  try {
    const argv = ['espeak-ng', ...args];
    const encoder = new TextEncoder();
    const pointers = argv.map((arg) => {
      const bytes = encoder.encode(`${arg}\0`);
      const at = exports.stackAlloc(bytes.length);
      new Uint8Array(exports.memory.buffer).set(bytes, at);
      return at;
    });
    const table = exports.stackAlloc((argv.length + 1) * 4);
    const words = new Uint32Array(exports.memory.buffer, table, argv.length + 1);
    pointers.forEach((pointer, i) => (words[i] = pointer));
    words[argv.length] = 0;

    let status;
    try {
      status = module._main(argv.length, table);
    } catch (error) {
      // exit() inside main surfaces as a thrown ExitStatus; anything else is a real trap.
      if (error && error.name === 'ExitStatus') status = error.status;
      else throw error;
    }
    if (status !== 0 || !fs.analyzePath(output).exists) {
      return { exitStatus: status, stderr: status !== 0 ? stderr.join('\n') : 'no output written' };
    }
    return { bytes: fs.readFile(output).slice() };
  } finally {
    exports.stackRestore(stackTop);
    for (const path of [...Object.keys(inputs), output]) if (fs.analyzePath(path).exists) fs.unlink(path);
    // An early exit() skips fclose(); close what main() left open so descriptors do not pile up.
    for (const stream of fs.streams) if (stream && stream.fd > 2) fs.close(stream);
  }
}

/** Samples converted and handed to LAME per call; bounds the temporary float buffer on long texts. */
const CHUNK = 65536;

function encodeMp3(encoder, { pcm, sampleRate, bitrateKbps, outputSampleRate }) {
  encoder.configure({ channels: 1, sampleRate, bitrate: bitrateKbps, outputSampleRate });
  const parts = [];
  const floats = new Float32Array(Math.min(CHUNK, pcm.length));
  for (let start = 0; start < pcm.length; start += CHUNK) {
    const piece = pcm.subarray(start, start + CHUNK);
    for (let i = 0; i < piece.length; i++) floats[i] = piece[i] / 32768;
    // The returned view belongs to the encoder and is overwritten by the next call: copy it.
    parts.push(encoder.encode([floats.subarray(0, piece.length)]).slice());
  }
  parts.push(encoder.finalize().slice());
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function handle(message) {
  switch (message.op) {
    case 'espeak': {
      espeak ??= createEspeak();
      const instance = await espeak;
      try {
        return runEspeak(instance, message);
      } catch (error) {
        // A trap leaves the Emscripten runtime aborted; start from a new instance next time.
        espeak = undefined;
        throw error;
      }
    }
    case 'espeak-load':
      espeak ??= createEspeak();
      await espeak;
      return { bytes: new Uint8Array() };
    case 'mp3': {
      lame ??= import('wasm-media-encoders').then((m) => m.createMp3Encoder());
      return { bytes: encodeMp3(await lame, message) };
    }
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

let queue = Promise.resolve();
parentPort.on('message', (message) => {
  // Both engines are single instances; run jobs strictly in order.
  queue = queue.then(async () => {
    try {
      const result = await handle(message);
      const transfer = result.bytes ? [result.bytes.buffer] : [];
      parentPort.postMessage({ id: message.id, ok: true, ...result }, transfer);
    } catch (error) {
      if (message.op === 'espeak' || message.op === 'espeak-load') espeak = undefined;
      if (message.op === 'mp3') lame = undefined;
      parentPort.postMessage({ id: message.id, ok: false, message: String(error?.stack ?? error) });
    }
  });
});
