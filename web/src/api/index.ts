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
import type { AuthProviders } from '../../../src/contract/oidc.ts';
import type {
  PersonCreateInput,
  PersonOut,
  PersonUpdateInput,
  RoleGrantCreateInput,
  RoleGrantOut,
} from '../../../src/contract/people.ts';
import type { UnitCreateInput, UnitDetail, UnitOut, UnitUpdateInput } from '../../../src/contract/units.ts';
import type {
  AccountKpis,
  GoalCreateInput,
  GoalDetail,
  GoalFilter,
  GoalOut,
  GoalPreview,
  GoalTemplateOut,
  GoalUpdateInput,
  KpiEvaluation,
  KpiInput,
  KpiOut,
  MetricInfo,
  StrategicGoalCreateInput,
  StrategicGoalOut,
  StrategicGoalUpdateInput,
  TargetSuggestions,
  Attainability,
  goalStatuses,
} from '../../../src/contract/goals.ts';
import type {
  BatchResult,
  FileReport,
  FileReportList,
  ImportOut,
  MonthlyEntry,
  ObservationOut,
  UndoResult,
} from '../../../src/contract/statistics.ts';
import type { AudienceFitOut, CoverageOut, DueItem, DueList, HistoryWindowIn, HistoryWindowOut } from '../../../src/contract/coverage.ts';
import type { z } from 'zod';
import { API_BASE, request, upload, type UploadOptions } from './client.ts';

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
export type {
  AccountKpis,
  Attainability,
  GoalCreateInput,
  GoalDetail,
  GoalOut,
  GoalPreview,
  GoalTemplateOut,
  GoalUpdateInput,
  KpiEvaluation,
  KpiInput,
  KpiOut,
  MetricInfo,
  StrategicGoalOut,
  TargetSuggestions,
};
export type { AudienceFitOut, CoverageOut, DueItem, DueList, HistoryWindowIn, HistoryWindowOut };
export type { BatchResult, FileReport, FileReportList, ImportOut, MonthlyEntry, ObservationOut, UndoResult, UploadOptions };
export type GoalStatus = (typeof goalStatuses)[number];
/** A translatable message of the core (key + params + English text). */
export type CoreMessage = GoalPreview['smart']['items'][number]['messages'][number];

const seg = (s: string) => encodeURIComponent(s);

/** The multipart body of a preview or an import: the files, and the day the export was downloaded. */
function importForm(files: readonly File[], lastDay: string | undefined, dryRun = false): FormData {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  if (lastDay) form.append('lastDay', lastDay);
  if (dryRun) form.append('dryRun', 'true');
  return form;
}

/** Addresses the browser fetches itself (links with `download`): GETs with the session cookie. */
export const downloads = {
  importTemplate: `${API_BASE}/import-template.csv`,
  importFile: (importId: string) => `${API_BASE}/imports/${seg(importId)}/file`,
};

export const api = {
  setup: {
    status: () => request<z.infer<typeof SetupStatus>>('GET', '/setup', { quiet401: true }),
    run: (input: z.input<typeof SetupInput>) => request<SessionOut>('POST', '/setup', { body: input, quiet401: true }),
  },
  auth: {
    session: () => request<SessionOut>('GET', '/auth/session', { quiet401: true }),
    /** Single sign-on: whether it is on and its name (for the sign-in page). */
    providers: () => request<AuthProviders>('GET', '/auth/providers', { quiet401: true }),
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
  strategicGoals: {
    /** Every strategic goal you may read, archived ones included (`archived: true`). */
    list: () => request<StrategicGoalOut[]>('GET', '/strategic-goals'),
    create: (input: StrategicGoalCreateInput) => request<StrategicGoalOut>('POST', '/strategic-goals', { body: input }),
    update: (id: string, input: StrategicGoalUpdateInput) =>
      request<StrategicGoalOut>('PATCH', `/strategic-goals/${seg(id)}`, { body: input }),
  },
  goals: {
    list: (filter: GoalFilter = {}) => request<GoalOut[]>('GET', '/goals', { query: { ...filter } }),
    get: (goal: string, at?: string) => request<GoalDetail>('GET', `/goals/${seg(goal)}`, { query: { at } }),
    create: (input: GoalCreateInput) => request<GoalOut>('POST', '/goals', { body: input }),
    update: (goal: string, input: z.input<typeof GoalUpdateInput>) => request<GoalOut>('PATCH', `/goals/${seg(goal)}`, { body: input }),
    setStatus: (goal: string, status: GoalStatus) =>
      request<GoalOut>('POST', `/goals/${seg(goal)}/status`, { body: { status } }),
    preview: (input: GoalCreateInput, signal?: AbortSignal) =>
      request<GoalPreview>('POST', '/goals/preview', { body: input, signal }),
  },
  kpis: {
    forAccount: (account: string, at?: string) => request<AccountKpis>('GET', `/accounts/${seg(account)}/kpis`, { query: { at } }),
    targetSuggestions: (account: string, metric: string, measurement: string) =>
      request<TargetSuggestions>('GET', `/accounts/${seg(account)}/target-suggestions`, { query: { metric, measurement } }),
  },
  statistics: {
    /** What the files hold, without storing anything (a ZIP answers one report per entry). */
    preview: (account: string, files: readonly File[], lastDay?: string, options?: UploadOptions) =>
      upload<FileReportList>(`/accounts/${seg(account)}/imports/preview`, importForm(files, lastDay), options),
    /** Imports the files, each on its own and all or nothing. */
    import: (account: string, files: readonly File[], lastDay?: string, options?: UploadOptions) =>
      upload<FileReportList>(`/accounts/${seg(account)}/imports`, importForm(files, lastDay), options),
    imports: (account: string) => request<ImportOut[]>('GET', `/accounts/${seg(account)}/imports`),
    undo: (importId: string) => request<UndoResult>('POST', `/imports/${seg(importId)}/undo`),
    observations: (account: string, query: { metric?: string; from?: string; to?: string } = {}) =>
      request<ObservationOut[]>('GET', `/accounts/${seg(account)}/observations`, { query }),
    monthlyEntry: (account: string, input: MonthlyEntry) =>
      request<BatchResult>('POST', `/accounts/${seg(account)}/monthly-entries`, { body: input }),
  },
  coverage: {
    /** The coverage calendar of `[from, to]` (default: the 365 days up to yesterday). */
    calendar: (account: string, from?: string, to?: string) =>
      request<CoverageOut>('GET', `/accounts/${seg(account)}/coverage`, { query: { from, to } }),
    audienceFit: (account: string, at?: string) => request<AudienceFitOut>('GET', `/accounts/${seg(account)}/audience-fit`, { query: { at } }),
    /** Accounts whose undocumented days are about to leave the platform's history window, most urgent first. */
    due: (query: { unit?: string; at?: string } = {}) => request<DueList>('GET', '/statistics/due', { query }),
    windows: () => request<HistoryWindowOut[]>('GET', '/history-windows'),
    setWindow: (platform: string, input: HistoryWindowIn) =>
      request<HistoryWindowOut>('PUT', `/history-windows/${seg(platform)}`, { body: input }),
    resetWindow: (platform: string) => request<HistoryWindowOut>('DELETE', `/history-windows/${seg(platform)}`),
  },
  catalogue: {
    metrics: (platform?: string) => request<MetricInfo[]>('GET', '/metrics', { query: { platform } }),
    templates: (platform?: string) => request<GoalTemplateOut[]>('GET', '/goal-templates', { query: { platform } }),
  },
};
