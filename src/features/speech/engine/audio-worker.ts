import { Worker } from 'node:worker_threads';

export type AudioJob =
  | { op: 'espeak'; args: string[]; inputs: Record<string, string | Uint8Array>; output: string }
  | { op: 'espeak-load' }
  | { op: 'mp3'; pcm: Int16Array; sampleRate: number; bitrateKbps: number; outputSampleRate: number };

export interface AudioJobResult {
  bytes?: Uint8Array;
  /** Set when eSpeak NG's main() ended with a non-zero status or wrote no output. */
  exitStatus?: number;
  stderr?: string;
}

type Reply = ({ ok: true } & AudioJobResult & { id: number }) | { ok: false; id: number; message: string };

interface Pending {
  resolve(result: AudioJobResult): void;
  reject(error: Error): void;
}

/**
 * Client of audio-worker.mjs. The worker starts on first use, is restarted after a crash, does not keep the
 * process alive while idle, and stops after `idleMs` without work: its WebAssembly engines hold ~60 MB that a
 * server nobody listens to should give back. Jobs run in the worker one at a time, in the order they were sent.
 */
export class AudioWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly idleMs = 10 * 60_000) {}

  /** Whether a worker thread is running now. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  run(job: AudioJob): Promise<AudioJobResult> {
    clearTimeout(this.idleTimer);
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<AudioJobResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...job, id });
    });
  }

  private start(): Worker {
    const worker = new Worker(new URL('./audio-worker.mjs', import.meta.url));
    worker.on('message', (reply: Reply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) {
        worker.unref();
        this.stopWhenIdle(worker);
      }
      if (reply.ok)
        pending.resolve({ bytes: reply.bytes, exitStatus: reply.exitStatus, stderr: reply.stderr });
      else pending.reject(new Error(reply.message));
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`audio worker stopped with code ${code}`)));
    worker.unref();
    return worker;
  }

  private stopWhenIdle(worker: Worker): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.worker !== worker || this.pending.size > 0) return;
      this.worker = undefined;
      void worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/** Separate workers so that synthesis of the next sentence and encoding of this one run on different cores. */
export const synthesisWorker = new AudioWorker();
export const encodingWorker = new AudioWorker();
