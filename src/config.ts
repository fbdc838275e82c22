/**
 * Configuration from environment variables, validated once at start-up. A bad value stops the
 * process with a message that names the variable.
 */
import { z } from 'zod';
import { resolve } from 'node:path';
import { AppError } from './core/errors.ts';

const Env = z.object({
  PORT: z.coerce.number({ message: 'must be a whole number from 0 to 65535' }).int('must be a whole number from 0 to 65535').min(0, 'must be a whole number from 0 to 65535').max(65535, 'must be a whole number from 0 to 65535').default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .refine((s) => /^postgres(ql)?:\/\//.test(s), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  MAALBAR_DATA_DIR: z.string().min(1).default('./data'),
  /** The address people use, e.g. https://maalbar.example.no. An https URL makes cookies Secure. */
  MAALBAR_PUBLIC_URL: z.url().optional(),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of Målbar. */
  MAALBAR_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  publicUrl: string | null;
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { port?: number } = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const list = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new AppError('invalid_config', `Invalid environment variable(s): ${list}`, issues);
  }
  const e = parsed.data;
  return {
    port: overrides.port ?? e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: resolve(e.MAALBAR_DATA_DIR) },
    publicUrl: e.MAALBAR_PUBLIC_URL ?? null,
    secureCookies: e.MAALBAR_PUBLIC_URL?.startsWith('https://') ?? false,
    trustProxy: e.MAALBAR_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
  };
}
