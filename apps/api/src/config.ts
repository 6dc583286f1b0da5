import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DEMO_PASSWORD: z.string().min(10).default('Demo@2026civic'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(50),
  DEMO_TOTP_SECRET: z
    .string()
    .regex(/^[A-Z2-7]{16,}$/, 'must be base32 (A-Z, 2-7), at least 16 characters')
    .default('CIVICGRIDDEMO2FAXXXXXXXXXXXXXXXX'),
  COOKIE_SECURE: z
    .enum(['true', 'false', 'auto'])
    .default('auto')
    .transform((v): 'auto' | boolean => (v === 'auto' ? 'auto' : v === 'true')),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : v)),
  MAP_TILE_URL: z
    .string()
    .regex(/^(https?:\/\/|\/)/, 'must be an http(s) URL or a path with {z}/{x}/{y}')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAP_TILE_ATTRIBUTION: z.string().max(300).default(''),
  MAP_TILES_GCJ02: z.enum(['true', 'false']).default('false'),
  UPLOAD_MAX_MB: z.coerce.number().min(1).max(200).default(10),
  // How long a committing import may go without progress before another commit request takes it over.
  IMPORT_LEASE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(120),
  PUBLIC_REPORTS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  PUBLIC_UPLOADS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(40),
  PUBLIC_LOOKUPS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(600),
  CASE_ESCALATE_OVERDUE: z.enum(['true', 'false']).default('true'),
  OPEN311_KEY_HOURLY_LIMIT: z.coerce.number().int().min(1).default(500),
  OPEN311_IP_HOURLY_LIMIT: z.coerce.number().int().min(1).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Field encryption at rest (core/field-keys.ts): `<key id>:<base64 of 32 bytes>`; older keys comma-separated.
  FIELD_KEY: z.string().optional(),
  FIELD_KEYS_OLD: z.string().optional(),
  FIELD_INDEX_KEY: z.string().optional(),
});

export type Config = ReturnType<typeof loadConfig>;

/** Reads the environment once at start; a bad value stops the process with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    poolMax: e.DATABASE_POOL_MAX,
    demoPassword: e.DEMO_PASSWORD,
    session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    lockout: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      windowMs: e.LOGIN_LOCK_MINUTES * 60_000,
      lockMs: e.LOGIN_LOCK_MINUTES * 60_000,
      ipMaxFailures: e.LOGIN_IP_MAX_FAILURES,
    },
    demoTotpSecret: e.DEMO_TOTP_SECRET,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    fieldKeys: {
      current: e.FIELD_KEY || null,
      old: e.FIELD_KEYS_OLD || null,
      index: e.FIELD_INDEX_KEY || null,
    },
    importLeaseMs: e.IMPORT_LEASE_SECONDS * 1000,
    escalateOverdue: e.CASE_ESCALATE_OVERDUE === 'true',
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    open311: { keyHourlyLimit: e.OPEN311_KEY_HOURLY_LIMIT, ipHourlyLimit: e.OPEN311_IP_HOURLY_LIMIT },
    publicLimits: {
      reportsPerHour: e.PUBLIC_REPORTS_PER_HOUR,
      uploadsPerHour: e.PUBLIC_UPLOADS_PER_HOUR,
      lookupsPerHour: e.PUBLIC_LOOKUPS_PER_HOUR,
    },
    map: {
      tileUrl: e.MAP_TILE_URL ?? null,
      attribution: e.MAP_TILE_ATTRIBUTION,
      gcj02: e.MAP_TILES_GCJ02 === 'true',
    },
  };
}
