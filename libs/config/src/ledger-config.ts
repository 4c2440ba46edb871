import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { join, resolve } from 'node:path';
import { KURRENTDB_SCHEMES, POSTGRES_SCHEMES, type EventStoreSettings } from '@samen/event-store';

export const ENVIRONMENTS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The typed configuration the rest of the code receives; nothing else reads process.env. */
export interface LedgerConfig {
  readonly environment: (typeof ENVIRONMENTS)[number];
  readonly http: { readonly host: string; readonly port: number };
  readonly eventStore: EventStoreSettings;
  readonly log: { readonly level: (typeof LOG_LEVELS)[number] };
  /**
   * The views' own database: read models and their checkpoint, whichever store holds the
   * events; and from how many facts views built from scratch use a second core.
   */
  readonly views: { readonly file: string; readonly twoLanesFrom: number };
  /** Bearer tokens (their hashes) and how many writes one principal may make per 10 seconds. */
  readonly access: { readonly file: string; readonly writesPer10Seconds: number };
  /** Whether the API loads the Programma SAMEN demo into an empty store at start. */
  readonly demo: { readonly loadWhenEmpty: boolean };
}

/** The settings as environment variables, each with what it allows. */
class LedgerEnvironment {
  @IsOptional()
  @IsIn(ENVIRONMENTS, { message: `must be one of ${ENVIRONMENTS.join(', ')}` })
  NODE_ENV?: string;

  @IsOptional()
  @IsInt({ message: 'must be a whole number from 1 to 65535' })
  @Min(1, { message: 'must be a whole number from 1 to 65535' })
  @Max(65535, { message: 'must be a whole number from 1 to 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must be a host name or IP address to listen on' })
  HOST?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must be a folder for the embedded store' })
  LEDGER_DATA_DIR?: string;

  @IsOptional()
  @Matches(/^(kurrentdb|kurrentdb\+discover|esdb|esdb\+discover|postgres|postgresql):\/\/\S+$/, {
    message: `must be empty (embedded store) or a connection string starting with ${[...KURRENTDB_SCHEMES, ...POSTGRES_SCHEMES].join(', ')}`,
  })
  LEDGER_EVENT_STORE_URL?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: string;

  @IsOptional()
  @IsIn(['on', 'off'], { message: 'must be on or off' })
  LEDGER_DEMO?: string;

  @IsOptional()
  @IsInt({ message: 'must be a whole number of writes per 10 seconds, from 1 to 1000000' })
  @Min(1, { message: 'must be a whole number of writes per 10 seconds, from 1 to 1000000' })
  @Max(1_000_000, { message: 'must be a whole number of writes per 10 seconds, from 1 to 1000000' })
  LEDGER_WRITE_LIMIT?: number;
}

/** The URL's scheme picks the server adapter; without one the store is the embedded file in the data folder. */
function eventStoreSettings(url: string | undefined, dataDir: string): EventStoreSettings {
  if (!url) return { kind: 'embedded', file: join(dataDir, 'ledger.db') };
  const postgres = POSTGRES_SCHEMES.some((scheme) => url.startsWith(scheme));
  return { kind: postgres ? 'postgres' : 'kurrentdb', connectionString: url };
}

/** A setting that is missing or wrong; the message names each one and what it allows. */
export class ConfigValidationError extends Error {
  readonly code = 'invalid-configuration';
}

const SETTING_NAMES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'LEDGER_DATA_DIR',
  'LEDGER_EVENT_STORE_URL',
  'LOG_LEVEL',
  'LEDGER_DEMO',
  'LEDGER_WRITE_LIMIT',
] as const satisfies readonly (keyof LedgerEnvironment)[];
const NUMERIC = new Set<string>(['PORT', 'LEDGER_WRITE_LIMIT']);

/**
 * Checks the environment once, at start. Empty strings count as unset, so that
 * `PORT= npm start` means the default rather than an error.
 */
export function loadLedgerConfig(env: Record<string, string | undefined>): LedgerConfig {
  const present = Object.fromEntries(
    SETTING_NAMES.map((key) => [key, env[key]?.trim()] as const)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, NUMERIC.has(key) && /^-?\d+$/.test(value!) ? Number(value) : value]),
  );
  const settings = plainToInstance(LedgerEnvironment, present);
  const problems = validateSync(settings, { forbidUnknownValues: true }).map(
    (error) =>
      `${error.property} ${Object.values(error.constraints ?? {})[0] ?? 'is invalid'} (got ${JSON.stringify(env[error.property])})`,
  );
  if (problems.length > 0) throw new ConfigValidationError(`Invalid configuration: ${problems.join('; ')}`);

  const dataDir = resolve(settings.LEDGER_DATA_DIR ?? 'data');
  const environment = (settings.NODE_ENV ?? 'development') as LedgerConfig['environment'];
  return {
    environment,
    http: { host: settings.HOST ?? '127.0.0.1', port: settings.PORT ?? 3000 },
    eventStore: eventStoreSettings(settings.LEDGER_EVENT_STORE_URL, dataDir),
    // Below this a second thread costs more to start than it saves.
    views: { file: join(dataDir, 'views.db'), twoLanesFrom: 100_000 },
    access: { file: join(dataDir, 'access.db'), writesPer10Seconds: settings.LEDGER_WRITE_LIMIT ?? 1000 },
    log: { level: (settings.LOG_LEVEL ?? 'info') as LedgerConfig['log']['level'] },
    // A newcomer's first start shows the demo; production and test ledgers start empty unless asked.
    demo: { loadWhenEmpty: (settings.LEDGER_DEMO ?? (environment === 'development' ? 'on' : 'off')) === 'on' },
  };
}
