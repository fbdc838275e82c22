/**
 * Saved column mappings: list and read (anyone who may document statistics somewhere), save,
 * edit and delete (administrators). Mappings made while importing are saved by the import
 * (`saveAs`, routes/imports.ts).
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ColumnMappingCreate, ColumnMappingList, ColumnMappingOut, ColumnMappingUpdate } from '../../contract/column-mappings.ts';
import { createColumnMapping } from '../../services/column-mappings/create-mapping.ts';
import { deleteColumnMapping } from '../../services/column-mappings/delete-mapping.ts';
import { getColumnMapping } from '../../services/column-mappings/get-mapping.ts';
import { listColumnMappings } from '../../services/column-mappings/list-mappings.ts';
import { updateColumnMapping } from '../../services/column-mappings/update-mapping.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonBody, jsonContent, router, signedIn } from '../openapi-helpers.ts';

const params = z.object({ mapping: z.string().min(1).max(120).meta({ description: "The mapping's id or name" }) });
const tags = ['column-mappings'];

export const columnMappingRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/column-mappings',
      tags,
      summary: "The organisation's saved column mappings (for everyone who may document statistics)",
      security: signedIn,
      responses: { 200: jsonContent(ColumnMappingList, 'Mappings by name'), 401: errors[401], 403: errors[403] },
    }),
    async (c) => c.json(await listColumnMappings(requireContext(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/column-mappings',
      tags,
      summary: "Save a column mapping for a file's headers (administrators); a second mapping for the same headers is a conflict",
      security: signedIn,
      request: { body: jsonBody(ColumnMappingCreate) },
      responses: { 201: jsonContent(ColumnMappingOut, 'The saved mapping'), ...errors },
    }),
    async (c) => c.json(await createColumnMapping(requireContext(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/column-mappings/{mapping}',
      tags,
      summary: 'One saved column mapping',
      security: signedIn,
      request: { params },
      responses: { 200: jsonContent(ColumnMappingOut, 'The mapping'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => c.json(await getColumnMapping(requireContext(c), c.req.valid('param').mapping), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/column-mappings/{mapping}',
      tags,
      summary: 'Rename or change a saved column mapping (administrators); its version goes up, earlier imports keep what they used',
      security: signedIn,
      request: { params, body: jsonBody(ColumnMappingUpdate) },
      responses: { 200: jsonContent(ColumnMappingOut, 'The changed mapping'), ...errors },
    }),
    async (c) => c.json(await updateColumnMapping(requireContext(c), c.req.valid('param').mapping, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/column-mappings/{mapping}',
      tags,
      summary: 'Delete a saved column mapping (administrators); imports made with it keep their copy',
      security: signedIn,
      request: { params },
      responses: { 200: jsonContent(ColumnMappingOut, 'The deleted mapping'), ...errors },
    }),
    async (c) => c.json(await deleteColumnMapping(requireContext(c), c.req.valid('param').mapping), 200),
  );
