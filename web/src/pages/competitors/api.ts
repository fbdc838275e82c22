/** Typed calls of the competitor routes (/api/v1/competitors…, /share-of-voice), for these pages. */
import type {
  CompetitorCreateInput,
  CompetitorDetail,
  CompetitorFilter,
  CompetitorOut,
  CompetitorUpdateInput,
  FigureBatch,
  FigureBatchResult,
  FigureOut,
  ShareOfVoiceOut,
  ShareOfVoiceQuery,
} from '../../../../src/contract/competitors.ts';
import { request, upload } from '../../api/client.ts';

const seg = (s: string) => encodeURIComponent(s);

export type { CompetitorDetail, CompetitorOut, FigureBatchResult, FigureOut, ShareOfVoiceOut };

export const competitorApi = {
  list: (filter: CompetitorFilter) =>
    request<CompetitorOut[]>('GET', '/competitors', {
      query: {
        unit: filter.unit,
        platform: filter.platform,
        kind: filter.kind,
        includeArchived: filter.includeArchived ? 'true' : undefined,
      },
    }),
  get: (competitor: string) => request<CompetitorDetail>('GET', `/competitors/${seg(competitor)}`),
  create: (input: CompetitorCreateInput) => request<CompetitorOut>('POST', '/competitors', { body: input }),
  update: (competitor: string, input: CompetitorUpdateInput) => request<CompetitorOut>('PATCH', `/competitors/${seg(competitor)}`, { body: input }),
  figures: (competitor: string) => request<FigureOut[]>('GET', `/competitors/${seg(competitor)}/figures`),
  record: (competitor: string, batch: FigureBatch) => request<FigureBatchResult>('POST', `/competitors/${seg(competitor)}/figures`, { body: batch }),
  uploadCsv: (competitor: string, file: File) => {
    const body = new FormData();
    body.append('file', file);
    return upload<FigureBatchResult>(`/competitors/${seg(competitor)}/figures`, body);
  },
  shareOfVoice: (q: ShareOfVoiceQuery) =>
    request<ShareOfVoiceOut>('GET', '/share-of-voice', { query: { unit: q.unit, account: q.account, platform: q.platform, from: q.from, to: q.to } }),
};
