/**
 * The state of one single sign-on attempt between "start" and the provider's callback: state,
 * nonce, PKCE code verifier and where to go afterwards. It lives in a short-lived HttpOnly cookie
 * in the browser that started the attempt, sealed with AES-256-GCM (a key derived from the
 * client secret), so it can be neither read nor forged nor moved to another attempt's values.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** How long a sign-in at the provider may take. */
export const OIDC_TRANSACTION_MS = 10 * 60_000;

const Transaction = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  returnTo: z.string().startsWith('/'),
  expiresAt: z.number().int(),
});
export type OidcTransaction = z.infer<typeof Transaction>;

const AAD = Buffer.from('maalbar-oidc-transaction-v1');

function keyFor(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'maalbar', 'oidc sign-in transaction cookie', 32));
}

export function sealTransaction(secret: string, transaction: OidcTransaction): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv);
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(JSON.stringify(transaction), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The transaction, 'expired' when it is too old, or 'invalid' when it was not sealed by us. */
export function openTransaction(secret: string, sealed: string, now: Date): OidcTransaction | 'expired' | 'invalid' {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length < 12 + 16 + 2) return 'invalid';
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), raw.subarray(0, 12));
    decipher.setAAD(AAD);
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const parsed = Transaction.safeParse(JSON.parse(text));
    if (!parsed.success) return 'invalid';
    return parsed.data.expiresAt <= now.getTime() ? 'expired' : parsed.data;
  } catch {
    return 'invalid';
  }
}

/**
 * Where to go after signing in: only a path on this site ("/goals/3?x=1"); anything else (another
 * site, "//evil.example", "/\evil.example", a scheme, control characters) becomes "/".
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  try {
    const base = 'http://maalbar.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
