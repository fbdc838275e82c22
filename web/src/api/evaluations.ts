/**
 * Typed calls of the monthly evaluation routes (issue #6): the list per unit, account, month and
 * state; one evaluation with its figures; saving a draft, signing, reopening, and preparing a
 * month's drafts.
 */
import type {
  EvaluationDetail,
  EvaluationList,
  EvaluationListQuery,
  EvaluationPrepareOut,
  EvaluationReopenInput,
  EvaluationUpdateInput,
} from '../../../src/contract/evaluations.ts';
import { request } from './client.ts';

export type { EvaluationDetail, EvaluationList, EvaluationListQuery, EvaluationPrepareOut, EvaluationReopenInput, EvaluationUpdateInput };

const path = (id: string) => `/evaluations/${encodeURIComponent(id)}`;

/** GET /evaluations: the evaluations you may read, filtered by unit (and below), account, month and state. */
export function listEvaluations(query: EvaluationListQuery = {}, signal?: AbortSignal): Promise<EvaluationList> {
  return request<EvaluationList>('GET', '/evaluations', { query: { ...query }, signal });
}

/** GET /evaluations/{id}: one evaluation with its figures, events and what you may do with it. */
export function getEvaluation(id: string, signal?: AbortSignal): Promise<EvaluationDetail> {
  return request<EvaluationDetail>('GET', path(id), { signal });
}

/** PATCH /evaluations/{id}: saves the draft's assessment, decision and adjustment. */
export function updateEvaluation(id: string, input: EvaluationUpdateInput): Promise<EvaluationDetail> {
  return request<EvaluationDetail>('PATCH', path(id), { body: input });
}

/** POST /evaluations/{id}/sign: locks the evaluation and freezes its figures. */
export function signEvaluation(id: string): Promise<EvaluationDetail> {
  return request<EvaluationDetail>('POST', `${path(id)}/sign`, { body: {} });
}

/** POST /evaluations/{id}/reopen: a unit manager reopens a signed evaluation, with the reason. */
export function reopenEvaluation(id: string, input: EvaluationReopenInput): Promise<EvaluationDetail> {
  return request<EvaluationDetail>('POST', `${path(id)}/reopen`, { body: input });
}

/** POST /evaluations/prepare: prepares the month's drafts for every active account you may evaluate. */
export function prepareEvaluations(month: string): Promise<EvaluationPrepareOut> {
  return request<EvaluationPrepareOut>('POST', '/evaluations/prepare', { body: { month } });
}
