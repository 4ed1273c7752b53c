import path from 'node:path';

/** Validated process configuration. A bad value stops the process with a clear message. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  eventsUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  demoPassword: string;
  secureCookies: boolean;
  webDir: string;
  maxUploadBytes: number;
  sessionDays: number;
  /** `privileged`: administrators and committee roles above the branch must use two-factor sign-in. */
  twoFactor: 'privileged' | 'off';
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function twoFactorMode(raw: string | undefined): Config['twoFactor'] {
  if (raw === undefined || raw === '' || raw === 'privileged') return 'privileged';
  if (raw === 'off') return 'off';
  throw new ConfigError(`SOTAY_TWO_FACTOR must be privileged or off (got "${raw}")`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite)',
    );
  }
  const eventsUrl = env.EVENTS_URL?.trim() || null;
  if (eventsUrl && !/^(redis|rediss|nats):\/\//.test(eventsUrl)) {
    throw new ConfigError('EVENTS_URL must start with redis://, rediss:// or nats://');
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const demoPassword = env.SOTAY_DEMO_PASSWORD ?? 'sotay-demo';
  if (demoPassword.length < 8) throw new ConfigError('SOTAY_DEMO_PASSWORD must have at least 8 characters');
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.SOTAY_DATA_DIR ?? './data'),
    databaseUrl,
    eventsUrl,
    logLevel,
    demoPassword,
    secureCookies: bool(env, 'SOTAY_SECURE_COOKIES', false),
    webDir: path.resolve(env.SOTAY_WEB_DIR ?? 'dist/web'),
    maxUploadBytes: int(env, 'SOTAY_MAX_UPLOAD_MB', 20, 1, 1024) * 1024 * 1024,
    sessionDays: int(env, 'SOTAY_SESSION_DAYS', 30, 1, 365),
    twoFactor: twoFactorMode(env.SOTAY_TWO_FACTOR),
  };
}
