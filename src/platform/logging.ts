import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'sotay' },
    redact: { paths: ['req.headers.cookie', 'password', '*.password', '*.newPassword'], remove: true },
  });
}
