/** Single sign-on as the web app sees it: whether it is on, its name, and why a sign-in failed. */
import { z } from 'zod';

/**
 * Why a single sign-on attempt ended on the sign-in page (`/sign-in?sso_error=…`); the page shows
 * each in bokmål and English (i18n keys sso.errors.*).
 */
export const ssoErrorCodes = [
  /** The person cancelled or the provider refused (error=access_denied). */
  'access_denied',
  /** The callback does not belong to the attempt this browser started (state or cookie wrong). */
  'state_mismatch',
  /** The attempt took too long, or the browser lost its sign-in cookie. */
  'expired',
  /** The provider answered with an error, or could not be reached. */
  'provider_error',
  /** No person is known for this identity and creating people is turned off. */
  'unknown_user',
  /** The person is deactivated in Målbar. */
  'deactivated',
  /** The provider did not vouch for the e-mail address, so it cannot be used to find or create a person. */
  'email_unverified',
  /** The provider gave no e-mail address. */
  'no_email',
  /** The e-mail address belongs to a person in another organisation. */
  'email_conflict',
  /** Målbar's single sign-on settings are wrong (see the server log). */
  'misconfigured',
] as const;
export type SsoErrorCode = (typeof ssoErrorCodes)[number];

export const AuthProviders = z
  .object({
    /** null when single sign-on is not configured. */
    oidc: z
      .object({
        /** The button's label: "Sign in with {name}". */
        name: z.string(),
        /** Where the button leads; add `?returnTo=/path` to come back there. */
        startUrl: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'AuthProviders' });
export type AuthProviders = z.infer<typeof AuthProviders>;

export const OidcStartQuery = z.object({
  /** A path on this site to go to after signing in; anything else becomes "/". */
  returnTo: z.string().max(2000).optional(),
});

/** The provider's authorization response (RFC 6749 §4.1.2, RFC 9207 `iss`). */
export const OidcCallbackQuery = z.object({
  code: z.string().max(8000).optional(),
  state: z.string().max(1000).optional(),
  iss: z.string().max(1000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(8000).optional(),
});
