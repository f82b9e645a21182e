/**
 * Logging is off unless asked for. A caller injects a {@link Logger}, or sets `X_LOG=debug|info|warn|error`
 * to get redacted lines on stderr (stdout belongs to the MCP stdio transport, so nothing here writes there).
 */

/** Severity of a log line, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where log lines go. Every message and field handed to it has already been redacted. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The environment variable that turns on stderr logging. */
export const LOG_ENV = 'X_LOG';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** A logger that drops everything. */
export const silentLogger: Logger = Object.freeze({
  debug() {},
  info() {},
  warn() {},
  error() {},
});

/** A logger writing one line per event to a stream (stderr by default), from `level` up. */
export function createStderrLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const min = LEVELS.indexOf(level);
  const emit = (at: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (LEVELS.indexOf(at) < min) return;
    const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    write(`${new Date().toISOString()} ${at.toUpperCase()} [x] ${message}${suffix}\n`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** The logger a client uses: the injected one, else stderr when `X_LOG` names a level, else silence. */
export function resolveLogger(logger: Logger | undefined, env: NodeJS.ProcessEnv = process.env): Logger {
  if (logger) return logger;
  const level = env[LOG_ENV]?.trim().toLowerCase();
  if (level && (LEVELS as readonly string[]).includes(level)) return createStderrLogger(level as LogLevel);
  return silentLogger;
}
