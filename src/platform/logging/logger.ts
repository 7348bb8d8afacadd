import { pino, type Logger } from 'pino';
import { logOptions } from './log-safety.ts';

/** A logger for processes without a web server (the job worker), with the same safe serializers. */
export function createLogger(level: string): Logger {
  return pino(logOptions(level));
}
