import { describe, expect, it } from 'vitest';
import { AudioWorker } from './audio-worker.ts';
import { EspeakProvider } from './espeak-provider.ts';

describe('AudioWorker', { timeout: 60_000 }, () => {
  it('synthesises off the main thread: the event loop keeps turning while a sentence is made', async () => {
    const provider = new EspeakProvider();
    let turned = false;
    const audio = provider.synthesize({
      text: 'Đảng viên trên sáu mươi tuổi chiếm đa số',
      voice: 'vi',
      speed: 1,
    });
    setImmediate(() => (turned = true));
    await audio;
    expect(turned).toBe(true);
  });

  it('reports a failed job and keeps serving the next one', async () => {
    const worker = new AudioWorker();
    await expect(
      worker.run({
        op: 'mp3',
        pcm: new Int16Array(100),
        sampleRate: 16000,
        bitrateKbps: 24,
        outputSampleRate: 1,
      }),
    ).rejects.toThrow();
    const ok = await worker.run({
      op: 'mp3',
      pcm: new Int16Array(1600),
      sampleRate: 16000,
      bitrateKbps: 24,
      outputSampleRate: 16000,
    });
    expect(ok.bytes?.[0]).toBe(0xff);
  });

  it('reports a non-zero exit of eSpeak NG instead of returning audio', async () => {
    const worker = new AudioWorker();
    const result = await worker.run({
      op: 'espeak',
      args: ['-v', 'khong-co-giong-nay', '-w', '/out.wav', '-f', '/in.txt'],
      inputs: { '/in.txt': 'xin chào' },
      output: '/out.wav',
    });
    expect(result.bytes).toBeUndefined();
    expect(result.exitStatus).not.toBe(0);
    // The same engine instance still speaks afterwards.
    const next = await worker.run({
      op: 'espeak',
      args: ['-v', 'vi', '-w', '/out.wav', '-f', '/in.txt'],
      inputs: { '/in.txt': 'xin chào' },
      output: '/out.wav',
    });
    expect(next.bytes?.length).toBeGreaterThan(10_000);
  });

  it('stops its thread after the idle time and starts a new one for the next job', async () => {
    const worker = new AudioWorker(50);
    const job = {
      op: 'mp3',
      pcm: new Int16Array(1600),
      sampleRate: 16000,
      bitrateKbps: 24,
      outputSampleRate: 16000,
    } as const;
    await worker.run(job);
    expect(worker.running).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(worker.running).toBe(false);
    const again = await worker.run(job);
    expect(again.bytes?.[0]).toBe(0xff);
    expect(worker.running).toBe(true);
  });
});
