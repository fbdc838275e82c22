/**
 * Configuration from environment variables, validated once at start-up. A bad value stops the
 * process with a message that names the variable.
 */
import { z } from 'zod';
import { resolve } from 'node:path';
import { AppError } from './core/errors.ts';
import { roles } from './core/roles.ts';

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
  /** OpenID Connect single sign-on (Feide, Microsoft Entra ID): the provider's issuer URL. Unset: no SSO. */
  MAALBAR_OIDC_ISSUER: z.url('must be the provider\'s issuer URL, e.g. https://auth.dataporten.no').optional(),
  MAALBAR_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Never logged, never echoed in messages. */
  MAALBAR_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The sign-in button's label: "Sign in with {name}". */
  MAALBAR_OIDC_NAME: z.string().trim().min(1).max(60).default('SSO'),
  MAALBAR_OIDC_SCOPES: z
    .string()
    .refine((s) => s.split(/\s+/).includes('openid'), 'must include "openid"')
    .default('openid email profile'),
  /** The claim holding the person's groups (e.g. "groups"); with MAALBAR_OIDC_ROLE_MAP gives roles. */
  MAALBAR_OIDC_GROUPS_CLAIM: z.string().min(1).optional(),
  /** JSON: group value → [{ "role": "editor", "unit": "unit-slug" }, { "role": "admin" }]. */
  MAALBAR_OIDC_ROLE_MAP: z.string().transform(parseJson).pipe(z.lazy(() => RoleMap)).optional(),
  /** The organisation people signing in belong to (slug); default the only one. */
  MAALBAR_OIDC_ORGANISATION: z.string().min(1).optional(),
  MAALBAR_OIDC_CREATE_USERS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Trust the provider's e-mail even without email_verified (Feide, Entra ID: the institution owns the addresses). */
  MAALBAR_OIDC_TRUST_EMAIL: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

/** One role a group gives: the admin role on the organisation (no unit), any other on a unit (by slug). */
const RoleMapEntry = z
  .object({ role: z.enum(roles), unit: z.string().min(1).optional() })
  .strict()
  .refine((e) => (e.role === 'admin') === (e.unit === undefined), 'admin takes no unit; every other role needs a unit (slug)');
const RoleMap = z.record(z.string().min(1), z.array(RoleMapEntry));
export type OidcRoleMap = z.infer<typeof RoleMap>;

function parseJson(value: string, ctx: z.RefinementCtx): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be JSON: {"group": [{"role": "editor", "unit": "unit-slug"}]}' });
    return z.NEVER;
  }
}

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
  /** OpenID Connect single sign-on; null when MAALBAR_OIDC_ISSUER is unset. */
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Never log it. Also the key material of the sign-in transaction cookie. */
  clientSecret: string;
  name: string;
  scopes: string;
  /** MAALBAR_PUBLIC_URL + /api/v1/auth/oidc/callback */
  redirectUri: string;
  groupsClaim: string | null;
  roleMap: OidcRoleMap | null;
  organisation: string | null;
  createUsers: boolean;
  trustEmail: boolean;
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
  const oidc = oidcConfig(e);
  return {
    port: overrides.port ?? e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: resolve(e.MAALBAR_DATA_DIR) },
    publicUrl: e.MAALBAR_PUBLIC_URL ?? null,
    secureCookies: e.MAALBAR_PUBLIC_URL?.startsWith('https://') ?? false,
    trustProxy: e.MAALBAR_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    mail: e.MAALBAR_SMTP_URL ? { url: e.MAALBAR_SMTP_URL, from: e.MAALBAR_MAIL_FROM } : null,
    oidc,
  };
}

/** The SSO settings, or null; a half-configured provider stops the start naming what is missing. */
function oidcConfig(e: z.infer<typeof Env>): OidcConfig | null {
  const issues: { path: string; message: string }[] = [];
  const need = (name: string, value: unknown, why: string) => {
    if (value === undefined) issues.push({ path: name, message: `required ${why}` });
  };
  if (!e.MAALBAR_OIDC_ISSUER) {
    for (const name of ['MAALBAR_OIDC_CLIENT_ID', 'MAALBAR_OIDC_CLIENT_SECRET', 'MAALBAR_OIDC_GROUPS_CLAIM', 'MAALBAR_OIDC_ROLE_MAP'] as const) {
      if (e[name] !== undefined) issues.push({ path: name, message: 'is set but MAALBAR_OIDC_ISSUER is not' });
    }
  } else {
    const why = 'when MAALBAR_OIDC_ISSUER is set';
    need('MAALBAR_OIDC_CLIENT_ID', e.MAALBAR_OIDC_CLIENT_ID, why);
    need('MAALBAR_OIDC_CLIENT_SECRET', e.MAALBAR_OIDC_CLIENT_SECRET, why);
    need('MAALBAR_PUBLIC_URL', e.MAALBAR_PUBLIC_URL, `${why} (the provider sends people back to it)`);
  }
  if ((e.MAALBAR_OIDC_GROUPS_CLAIM === undefined) !== (e.MAALBAR_OIDC_ROLE_MAP === undefined)) {
    const missing = e.MAALBAR_OIDC_GROUPS_CLAIM === undefined ? 'MAALBAR_OIDC_GROUPS_CLAIM' : 'MAALBAR_OIDC_ROLE_MAP';
    issues.push({ path: missing, message: 'required: groups become roles only with both MAALBAR_OIDC_GROUPS_CLAIM and MAALBAR_OIDC_ROLE_MAP' });
  }
  if (issues.length > 0) {
    throw new AppError('invalid_config', `Invalid environment variable(s): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  if (!e.MAALBAR_OIDC_ISSUER) return null;
  return {
    issuer: e.MAALBAR_OIDC_ISSUER,
    clientId: e.MAALBAR_OIDC_CLIENT_ID!,
    clientSecret: e.MAALBAR_OIDC_CLIENT_SECRET!,
    name: e.MAALBAR_OIDC_NAME,
    scopes: e.MAALBAR_OIDC_SCOPES.trim().split(/\s+/).join(' '),
    redirectUri: new URL('/api/v1/auth/oidc/callback', e.MAALBAR_PUBLIC_URL!).href,
    groupsClaim: e.MAALBAR_OIDC_GROUPS_CLAIM ?? null,
    roleMap: e.MAALBAR_OIDC_ROLE_MAP ?? null,
    organisation: e.MAALBAR_OIDC_ORGANISATION ?? null,
    createUsers: e.MAALBAR_OIDC_CREATE_USERS,
    trustEmail: e.MAALBAR_OIDC_TRUST_EMAIL,
  };
}
