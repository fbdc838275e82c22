/** Social media accounts: list with filters, read, register, edit, close. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { AccountCreateInput, AccountDetail, AccountFilter, AccountOut, AccountUpdateInput } from '../../contract/accounts.ts';
import { IdOrSlug } from '../../contract/common.ts';
import { createAccount } from '../../services/accounts/create-account.ts';
import { getAccount } from '../../services/accounts/get-account.ts';
import { listAccounts } from '../../services/accounts/list-accounts.ts';
import { updateAccount } from '../../services/accounts/update-account.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, router, signedIn } from '../openapi-helpers.ts';

const params = z.object({ account: IdOrSlug });

export const accountRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/accounts',
      tags: ['accounts'],
      summary: 'Accounts you may read, filtered by unit (with sub-units), platform, status, text',
      security: signedIn,
      request: { query: AccountFilter },
      responses: { 200: jsonContent(z.array(AccountOut), 'Accounts'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await listAccounts(requireContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/accounts',
      tags: ['accounts'],
      summary: 'Register an account',
      security: signedIn,
      request: { body: jsonBody(AccountCreateInput) },
      responses: { 201: jsonContent(AccountOut, 'The new account'), ...errors },
    }),
    async (c) => c.json(await createAccount(requireContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/accounts/{account}',
      tags: ['accounts'],
      summary: "An account with its unit and the unit's reporters and evaluators",
      security: signedIn,
      request: { params },
      responses: { 200: jsonContent(AccountDetail, 'The account'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await getAccount(requireContext(c), c.req.valid('param').account), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/accounts/{account}',
      tags: ['accounts'],
      summary: 'Edit the profile, change status (closing keeps all data) or move to another unit',
      security: signedIn,
      request: { params, body: jsonBody(AccountUpdateInput) },
      responses: { 200: jsonContent(AccountOut, 'The changed account'), ...errors },
    }),
    async (c) => c.json(await updateAccount(requireContext(c), c.req.valid('param').account, c.req.valid('json')), 200),
  );
