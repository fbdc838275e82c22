/**
 * Typed calls of the column-mapping routes (/api/v1/column-mappings…), and previews and imports
 * that carry a mapping (the multipart fields `mapping`, `saveAs`, `mappingName`), for the import
 * page's mapping editor and the administrators' mappings pages.
 */
import type {
  ColumnMappingList,
  ColumnMappingOut,
  ColumnMappingSpecIn,
  ColumnMappingUpdate,
} from '../../../../src/contract/column-mappings.ts';
import type { FileReportList } from '../../../../src/contract/statistics.ts';
import { request, upload, type UploadOptions } from '../../api/client.ts';

const seg = (s: string) => encodeURIComponent(s);

export type { ColumnMappingOut, ColumnMappingSpecIn };

/** What an upload says about mappings: a mapping to apply (and a name to save it under), or a saved one by name. */
export interface MappingChoice {
  mapping?: ColumnMappingSpecIn;
  saveAs?: string;
  mappingName?: string;
}

function importForm(files: readonly File[], lastDay: string | undefined, choice: MappingChoice): FormData {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  if (lastDay) form.append('lastDay', lastDay);
  if (choice.mapping) form.append('mapping', JSON.stringify(choice.mapping));
  if (choice.saveAs) form.append('saveAs', choice.saveAs);
  if (choice.mappingName) form.append('mappingName', choice.mappingName);
  return form;
}

export const mappingApi = {
  list: async () => (await request<ColumnMappingList>('GET', '/column-mappings')).mappings,
  get: (mapping: string) => request<ColumnMappingOut>('GET', `/column-mappings/${seg(mapping)}`),
  update: (mapping: string, input: ColumnMappingUpdate) =>
    request<ColumnMappingOut>('PATCH', `/column-mappings/${seg(mapping)}`, { body: input }),
  remove: (mapping: string) => request<void>('DELETE', `/column-mappings/${seg(mapping)}`),
  /** What the files hold when read with the mapping: nothing is stored and nothing saved (`saveAs` is sent so that a taken name is found now). */
  preview: (account: string, files: readonly File[], lastDay: string | undefined, choice: MappingChoice, options?: UploadOptions) =>
    upload<FileReportList>(`/accounts/${seg(account)}/imports/preview`, importForm(files, lastDay, choice), options),
  /** Imports the files read with the mapping, saving it under `saveAs` in the same transaction. */
  import: (account: string, files: readonly File[], lastDay: string | undefined, choice: MappingChoice, options?: UploadOptions) =>
    upload<FileReportList>(`/accounts/${seg(account)}/imports`, importForm(files, lastDay, choice), options),
};
