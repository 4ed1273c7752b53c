import { api } from '../api/client.ts';
import type { SpeechItem, SpeechPlan } from './types.ts';

export function fetchPlan(item: SpeechItem, voice: string | undefined, speed: number): Promise<SpeechPlan> {
  if (item.kind === 'text') {
    return api<SpeechPlan>('POST', '/api/v1/speech/plan', {
      paragraphs: item.paragraphs,
      title: item.title,
      voice,
      speed,
    });
  }
  const query = new URLSearchParams({ type: item.source.type, id: item.source.id, speed: String(speed) });
  if (voice) query.set('voice', voice);
  return api<SpeechPlan>('GET', `/api/v1/speech/plan?${query.toString()}`);
}

export async function fetchPlaylist(type: string, limit = 20): Promise<SpeechItem[]> {
  const res = await api<{ items: Array<{ type: string; id: string; title: string }> }>(
    'GET',
    `/api/v1/speech/playlist?type=${encodeURIComponent(type)}&limit=${limit}`,
  );
  return res.items.map((i) => ({ kind: 'source', source: { type: i.type, id: i.id }, title: i.title }));
}

/** Fetches one sentence's MP3 as an object URL: the next one is fetched while the current one plays. */
export async function fetchAudio(url: string, signal?: AbortSignal): Promise<string> {
  const res = await fetch(url, { credentials: 'same-origin', signal });
  if (!res.ok) throw new Error(`audio ${res.status}`);
  return URL.createObjectURL(await res.blob());
}
