/** Typed calls of the Målbar API (/api/v1), one function per route, using the contract types. */
import type {
  AccountCreateInput,
  AccountDetail,
  AccountFilter,
  AccountOut,
  AccountUpdateInput,
} from '../../../src/contract/accounts.ts';
import type {
  LoginInput,
  PasswordChangeInput,
  SessionOut,
  SetupInput,
  SetupStatus,
  TokenCreated,
  TokenCreateInput,
  TokenOut,
} from '../../../src/contract/auth.ts';
import type {
  PersonCreateInput,
  PersonOut,
  PersonUpdateInput,
  RoleGrantCreateInput,
  RoleGrantOut,
} from '../../../src/contract/people.ts';
import type { UnitCreateInput, UnitDetail, UnitOut, UnitUpdateInput } from '../../../src/contract/units.ts';
import type { z } from 'zod';
import { request } from './client.ts';

export { ApiError, isApiError, setCsrfToken, setUnauthorizedHandler } from './client.ts';
export type { FieldIssue } from './client.ts';
export type {
  AccountCreateInput,
  AccountDetail,
  AccountFilter,
  AccountOut,
  AccountUpdateInput,
  PersonOut,
  RoleGrantOut,
  SessionOut,
  TokenCreated,
  TokenOut,
  UnitDetail,
  UnitOut,
};
export type Me = SessionOut['me'];

const seg = (s: string) => encodeURIComponent(s);

export const api = {
  setup: {
    status: () => request<z.infer<typeof SetupStatus>>('GET', '/setup', { quiet401: true }),
    run: (input: z.input<typeof SetupInput>) => request<SessionOut>('POST', '/setup', { body: input, quiet401: true }),
  },
  auth: {
    session: () => request<SessionOut>('GET', '/auth/session', { quiet401: true }),
    login: (input: LoginInput) => request<SessionOut>('POST', '/auth/login', { body: input, quiet401: true }),
    logout: () => request<void>('POST', '/auth/logout', { quiet401: true }),
    changePassword: (input: PasswordChangeInput) => request<void>('POST', '/auth/password', { body: input }),
  },
  tokens: {
    list: () => request<TokenOut[]>('GET', '/tokens'),
    create: (input: TokenCreateInput) => request<TokenCreated>('POST', '/tokens', { body: input }),
    revoke: (id: string) => request<void>('DELETE', `/tokens/${seg(id)}`),
  },
  units: {
    list: (includeArchived = false) =>
      request<UnitOut[]>('GET', '/units', { query: { archived: includeArchived ? 'true' : undefined } }),
    get: (unit: string) => request<UnitDetail>('GET', `/units/${seg(unit)}`),
    create: (input: UnitCreateInput) => request<UnitOut>('POST', '/units', { body: input }),
    update: (unit: string, input: UnitUpdateInput) => request<UnitOut>('PATCH', `/units/${seg(unit)}`, { body: input }),
  },
  people: {
    list: () => request<PersonOut[]>('GET', '/people'),
    get: (person: string) => request<PersonOut>('GET', `/people/${seg(person)}`),
    create: (input: PersonCreateInput) => request<PersonOut>('POST', '/people', { body: input }),
    update: (person: string, input: PersonUpdateInput) =>
      request<PersonOut>('PATCH', `/people/${seg(person)}`, { body: input }),
    grant: (input: RoleGrantCreateInput) => request<RoleGrantOut>('POST', '/role-grants', { body: input }),
    revoke: (grantId: string) => request<void>('DELETE', `/role-grants/${seg(grantId)}`),
  },
  accounts: {
    list: (filter: AccountFilter = {}) => request<AccountOut[]>('GET', '/accounts', { query: { ...filter } }),
    get: (account: string) => request<AccountDetail>('GET', `/accounts/${seg(account)}`),
    create: (input: AccountCreateInput) => request<AccountOut>('POST', '/accounts', { body: input }),
    update: (account: string, input: AccountUpdateInput) =>
      request<AccountOut>('PATCH', `/accounts/${seg(account)}`, { body: input }),
  },
};
