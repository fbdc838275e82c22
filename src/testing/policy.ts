/**
 * Runs a policy table for one caller: every operation is called in order, its status is compared
 * with the table's column for that caller, and every refusal must be a problem whose code matches
 * its status and must leave the database unchanged (compared through `snapshot`).
 */
import assert from 'node:assert/strict';
import type { Problem } from '../contract/common.ts';
import { statusOf } from '../server/problem.ts';
import { expectProblem } from './assertions.ts';

export const callers = ['admin', 'manager', 'editor', 'reporter', 'evaluator', 'viewer', 'outsider', 'anonymous'] as const;
export type Caller = (typeof callers)[number];
/** Expected HTTP status per caller, in the order of `callers`. */
export type Row = [admin: number, manager: number, editor: number, reporter: number, evaluator: number, viewer: number, outsider: number, anonymous: number];

export interface PolicyRun<Op extends string> {
  caller: Caller;
  policy: Record<Op, Row>;
  call(operation: Op): Promise<Response>;
  snapshot(): Promise<string>;
  /** Extra checks on a refusal (the problem body is already read). */
  onRefused?(operation: Op, problem: Problem, status: number): void;
  /** Extra checks on a success; return true when the body was read, otherwise it is discarded. */
  onAllowed?(operation: Op, res: Response): Promise<boolean>;
  /** Operations that cannot change anything, so the snapshot need not be taken again after them. */
  readOnly?(operation: Op): boolean;
}

export async function runPolicy<Op extends string>(run: PolicyRun<Op>): Promise<void> {
  const column = callers.indexOf(run.caller);
  const expected: Record<string, number> = {};
  const actual: Record<string, number> = {};
  const sideEffects: string[] = [];
  let state = await run.snapshot();
  for (const [operation, row] of Object.entries(run.policy) as [Op, Row][]) {
    const res = await run.call(operation);
    expected[operation] = row[column]!;
    actual[operation] = res.status;
    if (res.status >= 400) {
      const problem = await expectProblem(res, res.status);
      assert.equal(statusOf[problem.code as keyof typeof statusOf], res.status, `${operation}: ${problem.code}`);
      run.onRefused?.(operation, problem, res.status);
      const after = await run.snapshot();
      if (after !== state) sideEffects.push(operation);
      state = after;
      continue;
    }
    if (!run.readOnly?.(operation)) state = await run.snapshot();
    const consumed = (await run.onAllowed?.(operation, res)) ?? false;
    if (!consumed) await res.body?.cancel();
  }
  assert.deepEqual(actual, expected);
  assert.deepEqual(sideEffects, [], 'refused requests must not change anything');
}
