import pino, { type Logger } from 'pino';
import { readEnv } from '../../env';

// One JSON line per event, on stdout. Never pass a request's headers, body or query to it: the
// log must hold no password, token, cookie or personal text (the redaction below is a last guard).

const KEY = Symbol.for('kezdesu.logger');
const holder = globalThis as typeof globalThis & { [KEY]?: Logger };

function createLogger(): Logger {
  const env = readEnv();
  return pino({
    level: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['password', 'token', 'cookie', 'authorization', '*.password', '*.token', '*.cookie', '*.authorization', 'headers', '*.headers'],
      censor: '[redacted]',
    },
  });
}

export const logger: Logger = (holder[KEY] ??= createLogger());
