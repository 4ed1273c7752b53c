import ESpeakNg from 'espeak-ng';
import type { ESpeakNgModule } from 'espeak-ng';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SerialQueue } from './serial-queue.ts';

interface WasmExports {
  memory: WebAssembly.Memory;
  stackSave(): number;
  stackRestore(pointer: number): void;
  stackAlloc(size: number): number;
}

interface Instance {
  module: ESpeakNgModule;
  exports: WasmExports;
  /** Linear memory right after start-up, before main() ever ran. */
  pristine: Uint8Array;
  stackTop: number;
  stderr: string[];
}

export interface EspeakRun {
  args: string[];
  /** Files written into the in-memory file system before the run. */
  inputs: Record<string, string | Uint8Array>;
  /** File read back (and removed) after the run. */
  output: string;
}

export class EspeakExitError extends Error {
  constructor(
    readonly status: number,
    readonly stderr: string,
  ) {
    super(`espeak-ng exited with status ${status}${stderr ? `: ${stderr}` : ''}`);
  }
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** The 18 MB module (voice data is embedded) is compiled once per process and shared by every runtime. */
function compiledModule(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('espeak-ng');
    return WebAssembly.compile(await readFile(join(dirname(entry), 'espeak-ng.wasm')));
  })();
  compiled.catch(() => (compiled = undefined));
  return compiled;
}

/**
 * The espeak-ng package is the command-line program compiled to WebAssembly: its only entry point is main(),
 * which keeps global state (getopt's position, the loaded voice) between calls. Start-up costs ~100 ms (the
 * embedded voice data is unpacked into the in-memory file system), a sentence only ~20 ms, so one instance is
 * kept and its linear memory is restored to the start-up snapshot before each run: every call then behaves like
 * a fresh process. main() is not re-entrant, so runs are queued.
 */
export class EspeakRuntime {
  private instance: Promise<Instance> | undefined;
  private readonly queue = new SerialQueue();

  /** Loads the module without running anything, so the first real call is fast. */
  async warm(): Promise<void> {
    await this.queue.run(() => this.ready());
  }

  run(job: EspeakRun): Promise<Uint8Array> {
    return this.queue.run(async () => {
      const instance = await this.ready();
      try {
        return runOnce(instance, job);
      } catch (error) {
        // A trap leaves the Emscripten runtime aborted; start from a new instance next time.
        if (!(error instanceof EspeakExitError)) this.instance = undefined;
        throw error;
      }
    });
  }

  private ready(): Promise<Instance> {
    this.instance ??= createInstance();
    this.instance.catch(() => (this.instance = undefined));
    return this.instance;
  }
}

async function createInstance(): Promise<Instance> {
  const wasm = await compiledModule();
  let exports: WasmExports | undefined;
  const stderr: string[] = [];
  const module = await ESpeakNg({
    noInitialRun: true,
    print: () => undefined,
    printErr: (line) => stderr.push(line),
    instantiateWasm(imports, receive) {
      void WebAssembly.instantiate(wasm, imports).then((instance) => {
        exports = instance.exports as unknown as WasmExports;
        receive(instance, wasm);
      });
      return {};
    },
  });
  if (!exports) throw new Error('espeak-ng did not expose its WebAssembly exports');
  return {
    module,
    exports,
    pristine: new Uint8Array(exports.memory.buffer).slice(),
    stackTop: exports.stackSave(),
    stderr,
  };
}

function runOnce(instance: Instance, job: EspeakRun): Uint8Array {
  const { module, exports, pristine, stackTop, stderr } = instance;
  const memory = new Uint8Array(exports.memory.buffer);
  memory.set(pristine);
  if (memory.length > pristine.length) memory.fill(0, pristine.length);
  exports.stackRestore(stackTop);
  stderr.length = 0;

  const fs = module.FS;
  for (const [path, data] of Object.entries(job.inputs)) fs.writeFile(path, data);
  try {
    const argv = ['espeak-ng', ...job.args];
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

    let status: number;
    try {
      status = module._main(argv.length, table);
    } catch (error) {
      // exit() inside main surfaces as a thrown ExitStatus; anything else is a real trap.
      if (error instanceof Error && error.name === 'ExitStatus')
        status = (error as Error & { status: number }).status;
      else throw error;
    }
    if (status !== 0) throw new EspeakExitError(status, stderr.join('\n'));
    if (!fs.analyzePath(job.output).exists) throw new EspeakExitError(0, 'no output written');
    return fs.readFile(job.output).slice();
  } finally {
    exports.stackRestore(stackTop);
    for (const path of [...Object.keys(job.inputs), job.output]) {
      if (fs.analyzePath(path).exists) fs.unlink(path);
    }
    // An early exit() skips fclose(); close what main() left open so descriptors do not pile up.
    for (const stream of fs.streams) if (stream && stream.fd > 2) fs.close(stream);
  }
}
