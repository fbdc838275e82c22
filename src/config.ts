/**
 * Configuration from environment variables, validated once at start-up. A bad value stops the
 * process with a message that names the variable.
 */
import { z } from 'zod';
import { resolve } from 'node:path';
import { AppError } from './core/errors.ts';

export const DEFAULT_MAIL_FROM = 'Målbar <maalbar@localhost>';

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
  /** The SMTP server for reminders and subscribed reports: smtp://[user:password@]host[:port] (STARTTLS when offered) or smtps:// (TLS from the start). Unset: no e-mail. */
  MAALBAR_SMTP_URL: z
    .string()
    .refine(isSmtpUrl, 'must be an smtp:// or smtps:// URL with a host, e.g. smtp://user:password@mail.example.no:587')
    .optional(),
  /** The sender of Målbar's e-mails: an address, optionally with a name ("Målbar <maalbar@example.no>"). */
  MAALBAR_MAIL_FROM: z
    .string()
    .refine(isMailFrom, 'must be an e-mail address, optionally with a name: Målbar <maalbar@example.no>')
    .default(DEFAULT_MAIL_FROM),
});

/** An smtp:// or smtps:// URL with a host; the message never echoes the value (it may hold a password). */
function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
function isMailFrom(value: string): boolean {
  const named = /^([^<>]*)<([^<>]+)>$/.exec(value.trim());
  return ADDRESS.test(named ? named[2]!.trim() : value.trim());
}

export interface Config {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  publicUrl: string | null;
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** E-mail over SMTP; null when MAALBAR_SMTP_URL is unset (reminders stay in the app). */
  mail: MailConfig | null;
}

export interface MailConfig {
  /** smtp:// or smtps:// URL, possibly with user:password: never log it (see describeSmtp). */
  url: string;
  from: string;
}

/** The SMTP server for messages and logs, without user or password: smtps://mail.example.no:465. */
export function describeSmtp(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'the SMTP server';
  }
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
    mail: e.MAALBAR_SMTP_URL ? { url: e.MAALBAR_SMTP_URL, from: e.MAALBAR_MAIL_FROM } : null,
  };
}
