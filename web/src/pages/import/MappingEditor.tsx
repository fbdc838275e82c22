/**
 * The mapping editor of the import preview, for a file Målbar does not know (or knows only in
 * part): each column with its header and sample values mapped to a catalogue metric or ignored,
 * the date column and format, per day or per post, and a name to save the mapping under. "Preview
 * with this mapping" reads the file again with it; problems (the web app's own, or the server's
 * naming a file, row or column) are listed in an error summary with links to the controls, and
 * shown next to each control.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type FileReport } from '../../api/index.ts';
import type { FileMapping } from '../../../../src/contract/column-mappings.ts';
import type { Platform } from '../../../../src/core/platforms.ts';
import { Loaded } from '../../components/feedback.tsx';
import { useLoad } from '../../hooks.ts';
import { mappingApi, type ColumnMappingSpecIn } from '../mappings/api.ts';
import { checkDraft, draftFromFile, placeRefusal, placeServerIssues, specFromDraft, type FieldKey, type MappingDraft } from './MappingDraft.ts';
import { MappingErrorSummary, MappingNameField, problemMessages, serverMessages } from './MappingSummary.tsx';
import { MappingFields } from './MappingFields.tsx';

export interface AppliedDraft {
  draft: MappingDraft;
  spec: ColumnMappingSpecIn;
  /** The name to save it under when importing ('' = not saved). */
  saveAs: string;
}

export function MappingEditor({
  prefix,
  report,
  mapping,
  platform,
  initial,
  problem,
  onApply,
  onCancel,
}: {
  prefix: string;
  report: FileReport;
  mapping: FileMapping;
  platform: Platform;
  /** The draft last applied to this file, to go on from. */
  initial: MappingDraft | undefined;
  /** Why the last preview or import with the mapping failed: an ApiError, or the refused report's message. */
  problem: unknown;
  onApply(applied: AppliedDraft): Promise<void>;
  /** Only when the file can be imported without a mapping (a known layout with unknown columns). */
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const metrics = useLoad(() => api.catalogue.metrics(platform), [platform]);
  // Names already taken (read access to mappings is not required to import: a failure just skips the check).
  const saved = useLoad(() => mappingApi.list().catch(() => []), []);
  const [draft, setDraft] = useState<MappingDraft>(() => initial ?? draftFromFile(mapping));
  const [local, setLocal] = useState<Partial<Record<FieldKey, string>>>({});
  const [error, setError] = useState<unknown>(problem);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const headingId = `${prefix}-heading`;

  useEffect(() => setError(problem), [problem]);

  const { positions } = specFromDraft(draft, mapping.headers, platform);
  const server = isApiError(error) ? placeServerIssues(error.issues, positions) : { fields: {}, other: [] };
  const serverFields = serverMessages(server.fields, t);
  // A taken name without an issue path (409) belongs to the name field.
  if (isApiError(error) && error.code === 'conflict' && !serverFields.name && draft.name.trim()) serverFields.name = error.detail;
  const general: string[] = [];
  if (isApiError(error)) {
    general.push(...server.other);
    if (Object.keys(serverFields).length === 0 && server.other.length === 0) general.push(error.detail);
  } else if (typeof error === 'string' || error instanceof Error) {
    // The file was refused when read with the mapping: the message names the row and column.
    const refusal = typeof error === 'string' ? error : error.message;
    const at = placeRefusal(refusal, mapping.headers, draft);
    if (at) serverFields[at] = refusal;
    else general.push(refusal);
  }
  const errors: Partial<Record<FieldKey, string>> = { ...serverFields, ...local };

  const hasProblems = Object.keys(errors).length > 0 || general.length > 0;
  useEffect(() => {
    if (hasProblems) summary.current?.focus();
    // Only a new round of problems moves the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [local, error]);

  const submit = async () => {
    const found = checkDraft(draft, saved.data?.map((m) => m.name) ?? []);
    const messages = problemMessages(found, t);
    setLocal(messages);
    setError(null);
    if (Object.keys(messages).length > 0) return;
    const { spec } = specFromDraft(draft, mapping.headers, platform);
    setBusy(true);
    try {
      await onApply({ draft, spec, saveAs: draft.name.trim() });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const samples = mapping.headers.map((_, i) => mapping.columns.find((c) => c.index === i)?.samples ?? []);

  return (
    <form
      className="card inset mapping-editor"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h5 id={headingId}>{t('mapping.editorHeading', { file: report.file })}</h5>
      <p>{mapping.reason === 'unknown_layout' ? t('mapping.introUnknown') : t('mapping.introPartly')}</p>
      <MappingErrorSummary ref={summary} prefix={prefix} headers={mapping.headers} errors={errors} general={general} />
      <Loaded data={metrics.data} error={metrics.error}>
        {(list) => (
          <MappingFields
            prefix={prefix}
            headers={mapping.headers}
            samples={samples}
            platform={platform}
            metrics={list}
            draft={draft}
            onChange={setDraft}
            errors={errors}
          />
        )}
      </Loaded>
      <MappingNameField prefix={prefix} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} error={errors.name} hint={t('mapping.saveAsHint')} label={t('mapping.saveAs')} optional />
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy || metrics.data === undefined} aria-busy={busy || undefined}>
          {t('mapping.previewWith')}
        </button>
        {onCancel ? (
          <button type="button" className="button subtle" onClick={onCancel} disabled={busy}>
            {t('mapping.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
