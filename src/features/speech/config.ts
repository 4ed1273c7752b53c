import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../platform/config.ts';
import type { SpeechProviderConfig } from './engine/index.ts';

export interface SpeechSettings {
  provider: SpeechProviderConfig;
  /** Extra abbreviations for the normaliser ("UBMTTQ": "ủy ban mặt trận tổ quốc"), editable by the operator. */
  abbreviations: Record<string, string>;
  cacheDir: string;
  /**
   * Start the voice when the server starts, so the first listener does not wait (~0.5 s). Off by default: the
   * engine's two WebAssembly workers hold ~120 MB, which most processes of a scaled-out deployment never need.
   */
  warm: boolean;
}

function readJson(file: string, name: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new ConfigError(`${name}: cannot read JSON from ${file} (${(err as Error).message})`);
  }
}

/**
 * Speech settings from the environment: `SOTAY_SPEECH_CONFIG` names a JSON file with the provider
 * (`{ "kind": "sherpa-onnx", "model": … }` or `{ "kind": "http", … }`; the built-in eSpeak NG voice otherwise),
 * `SOTAY_SPEECH_ABBREVIATIONS` a JSON object of extra abbreviations, `SOTAY_SPEECH_WARM=true` starts the voice at
 * start-up. Audio is cached under the data directory.
 */
export function loadSpeechSettings(dataDir: string, env: NodeJS.ProcessEnv = process.env): SpeechSettings {
  let provider: SpeechProviderConfig = { kind: 'espeak-ng' };
  const configFile = env.SOTAY_SPEECH_CONFIG?.trim();
  if (configFile) {
    const raw = readJson(configFile, 'SOTAY_SPEECH_CONFIG') as { kind?: unknown };
    if (raw?.kind !== 'espeak-ng' && raw?.kind !== 'sherpa-onnx' && raw?.kind !== 'http')
      throw new ConfigError('SOTAY_SPEECH_CONFIG: "kind" must be espeak-ng, sherpa-onnx or http');
    provider = raw as SpeechProviderConfig;
  }
  let abbreviations: Record<string, string> = {};
  const abbrFile = env.SOTAY_SPEECH_ABBREVIATIONS?.trim();
  if (abbrFile) {
    const raw = readJson(abbrFile, 'SOTAY_SPEECH_ABBREVIATIONS');
    if (
      !raw ||
      typeof raw !== 'object' ||
      Array.isArray(raw) ||
      !Object.values(raw).every((v) => typeof v === 'string')
    )
      throw new ConfigError('SOTAY_SPEECH_ABBREVIATIONS: expected a JSON object of strings');
    abbreviations = raw as Record<string, string>;
  }
  const warmRaw = env.SOTAY_SPEECH_WARM?.trim().toLowerCase() ?? '';
  if (!['', 'true', 'false', '1', '0'].includes(warmRaw))
    throw new ConfigError('SOTAY_SPEECH_WARM must be true or false');
  const warm = warmRaw === 'true' || warmRaw === '1';
  return { provider, abbreviations, cacheDir: path.join(dataDir, 'speech-cache'), warm };
}
