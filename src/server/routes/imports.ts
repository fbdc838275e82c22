/**
 * Statistics files: preview and import (multipart, one or many `file` parts, a ZIP counts as its
 * entries), the account's import history, one import, its original file, and undo.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { IdOrSlug, Id } from '../../contract/common.ts';
import { FileReportList, ImportOptions, ImportOut, UndoResult } from '../../contract/statistics.ts';
import { AppError } from '../../core/errors.ts';
import type { InputFile } from '../../importers/types.ts';
import { importFiles, previewImport } from '../../services/imports/import-files.ts';
import { getImport, getImportFile, listImports } from '../../services/imports/list-imports.ts';
import { undoImport } from '../../services/imports/undo-import.ts';
import { requireContext } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { errors, jsonContent, router, signedIn } from '../openapi-helpers.ts';
import { toAppError } from '../problem.ts';

const accountParams = z.object({ account: IdOrSlug });
const importParams = z.object({ import: Id });

/** The multipart body as documented; read by readUpload (Files are not zod-validated). */
const uploadBody = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: z.object({
        // Files are not validated here (readUpload reads them); the schema documents them.
        file: z.any().meta({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'One or more export files or ZIP archives' }),
        lastDay: z.string().optional().meta({ description: 'YYYY-MM-DD: the day the export was downloaded (default today)' }),
        dryRun: z.enum(['true', 'false']).optional(),
        mapping: z.string().optional().meta({ description: 'A column mapping (ColumnMappingSpec as JSON) for files no importer knows' }),
        saveAs: z.string().optional().meta({ description: 'Save the given mapping under this name (with the import)' }),
        mappingName: z.string().optional().meta({ description: "A saved column mapping's name or id to read the files with" }),
      }),
    },
  },
  description: 'Export files (field `file`, repeatable), `lastDay`, `dryRun`, column mapping fields (`mapping`, `saveAs`, `mappingName`)',
} as const;

async function readUpload(
  c: Context<AppEnv>,
): Promise<{ files: InputFile[]; lastDay?: string; dryRun: boolean; mapping?: string; saveAs?: string; mappingName?: string }> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    throw new AppError('validation_failed', 'Send the files as multipart/form-data with one or more "file" fields.', [
      { path: 'file', message: 'multipart/form-data expected' },
    ]);
  }
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (e) {
    throw toAppError(e);
  }
  const raw = form['file'];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const files: InputFile[] = [];
  for (const part of list) {
    if (typeof part === 'string') throw new AppError('validation_failed', 'The "file" field must hold files, not text.', [{ path: 'file', message: 'a file expected' }]);
    files.push({ name: part.name || 'upload', bytes: new Uint8Array(await part.arrayBuffer()) });
  }
  const options = ImportOptions.safeParse({
    ...(typeof form['lastDay'] === 'string' && form['lastDay'] !== '' ? { lastDay: form['lastDay'] } : {}),
    ...(typeof form['dryRun'] === 'string' ? { dryRun: form['dryRun'] } : {}),
    ...Object.fromEntries((['mapping', 'saveAs', 'mappingName'] as const).flatMap((k) => (typeof form[k] === 'string' && form[k] !== '' ? [[k, form[k]]] : []))),
  });
  if (!options.success) throw toAppError(options.error);
  const { mapping, saveAs, mappingName } = options.data;
  return {
    files,
    ...(options.data.lastDay ? { lastDay: options.data.lastDay } : {}),
    dryRun: options.data.dryRun === 'true',
    ...(mapping ? { mapping } : {}),
    ...(saveAs ? { saveAs } : {}),
    ...(mappingName ? { mappingName } : {}),
  };
}

export const importRoutes = router()
  .openapi(
    createRoute({
      method: 'post',
      path: '/accounts/{account}/imports/preview',
      tags: ['statistics'],
      summary: 'Read and check export files without importing: platform, kind, dates, metrics, columns ignored, or why refused',
      security: signedIn,
      request: { params: accountParams, body: uploadBody },
      responses: { 200: jsonContent(FileReportList, 'One report per file (a ZIP: per entry)'), ...errors, 413: errors[400] },
    }),
    async (c) => {
      const ctx = requireContext(c);
      const upload = await readUpload(c);
      return c.json(await previewImport(ctx, c.req.valid('param').account, upload.files, upload), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/accounts/{account}/imports',
      tags: ['statistics'],
      summary: 'Import export files: each file all or nothing; the same file twice changes nothing',
      security: signedIn,
      request: { params: accountParams, body: uploadBody },
      responses: { 200: jsonContent(FileReportList, 'One report per file (a ZIP: per entry)'), ...errors, 413: errors[400] },
    }),
    async (c) => {
      const ctx = requireContext(c);
      const upload = await readUpload(c);
      return c.json(await importFiles(ctx, c.req.valid('param').account, upload.files, upload), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/accounts/{account}/imports',
      tags: ['statistics'],
      summary: "The account's imports, newest first (undone ones included)",
      security: signedIn,
      request: { params: accountParams },
      responses: { 200: jsonContent(z.array(ImportOut), 'Imports'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await listImports(requireContext(c), c.req.valid('param').account), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/imports/{import}',
      tags: ['statistics'],
      summary: 'One import',
      security: signedIn,
      request: { params: importParams },
      responses: { 200: jsonContent(ImportOut, 'The import'), 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await getImport(requireContext(c), c.req.valid('param').import), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/imports/{import}/file',
      tags: ['statistics'],
      summary: 'The original file of an import, as uploaded',
      security: signedIn,
      request: { params: importParams },
      responses: {
        200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
        400: errors[400],
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const file = await getImportFile(requireContext(c), c.req.valid('param').import);
      // The base name only (a Windows path too), as printable ASCII for `filename` and RFC 8187 for `filename*`.
      const name = file.name.split(/[\\/]/).pop() || 'import';
      const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`,
        'x-content-type-options': 'nosniff',
        'x-checksum-sha256': file.sha256,
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/imports/{import}/undo',
      tags: ['statistics'],
      summary: 'Undo an import as a whole: its values go back to what was documented before it',
      security: signedIn,
      request: { params: importParams },
      responses: { 200: jsonContent(UndoResult, 'What the undo did'), ...errors },
    }),
    async (c) => c.json(await undoImport(requireContext(c), c.req.valid('param').import), 200),
  );
