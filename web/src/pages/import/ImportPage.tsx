/**
 * Import statistics into one account: drop many files or a ZIP (or choose them), say the day they
 * were downloaded, see at once what each holds (preview), then import them one request per file
 * with a progress bar, and see per file what was written. The account's import history follows,
 * with undo and the original files.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, downloads, isApiError, type AccountDetail, type FileReport, type UnitOut } from '../../api/index.ts';
import type { FileMapping } from '../../../../src/contract/column-mappings.ts';
import { can } from '../../access.ts';
import { Loaded, Notice, ProblemAlert } from '../../components/feedback.tsx';
import { TextField } from '../../components/forms.tsx';
import { platformLabel } from '../../components/labels.ts';
import { formatBytes, formatDay, todayLocal } from '../../components/statistics.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { formatNumber } from '../../i18n/index.ts';
import { useMe } from '../../session.tsx';
import { isDay } from '../../../../src/core/period/days.ts';
import { FileDrop } from './FileDrop.tsx';
import { FileReportView } from './FileReportView.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { MappingEditor, type AppliedDraft } from './MappingEditor.tsx';
import { OwnMappingNote } from './MappingNote.tsx';
import { mappingApi } from '../mappings/api.ts';

export default function ImportPage() {
  const { account: param = '' } = useParams();
  const account = useLoad(() => api.accounts.get(param), [param]);
  const units = useLoad(() => api.units.list(true), []);
  return (
    <Loaded data={account.data} error={account.error}>
      {(a) => <ImportView account={a} units={units.data} />}
    </Loaded>
  );
}

type Step<T> = { state: 'running' } | { state: 'done'; value: T } | { state: 'failed'; error: unknown };

interface Item {
  id: number;
  file: File;
  /** The download day the preview was made for; a new day previews again. */
  previewDay: string;
  preview: Step<FileReport[]>;
  result?: Step<FileReport[]>;
  /** The column mapping the user made for this file (previewed with it; imported and saved with it). */
  mapping?: AppliedDraft;
  /** The mapping editor is open (it always is while the file needs a mapping). */
  editing?: boolean;
  /** Why the last import with the mapping failed (a taken name…), shown in the editor. */
  mappingProblem?: unknown;
  /** The file's columns as the last preview showed them (a file refused while read with a mapping may come without). */
  part?: FileMapping;
}

/** The report the mapping editor is for (the file that needs a mapping, or when asked one that may use one), with its columns. */
function mappingTarget(item: Item): { report: FileReport; part: FileMapping } | undefined {
  if (item.result || item.preview.state !== 'done') return undefined;
  const reports = item.preview.value;
  const needing =
    reports.find((r) => r.mapping && r.errorCode === 'mapping_required') ?? (item.mapping ? reports.find((r) => r.status === 'refused') : undefined);
  const report = needing ?? (item.editing ? (reports.find((r) => r.mapping) ?? (item.mapping ? reports[0] : undefined)) : undefined);
  const part = report?.mapping ?? item.part;
  return report && part ? { report, part } : undefined;
}

const partOf = (reports: readonly FileReport[]) => reports.find((r) => r.mapping)?.mapping ?? undefined;

interface Progress {
  total: number;
  done: number;
  /** 0..1 of the file being sent. */
  current: number;
  name: string;
}

const importable = (item: Item) =>
  !item.result && item.preview.state === 'done' && item.preview.value.some((r) => r.status !== 'refused');

function ImportView({ account: a, units }: { account: AccountDetail; units: UnitOut[] | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('importPage.title', { account: a.name }));
  const mayWrite = a.status !== 'closed' && (a.canEdit || (units !== undefined && can(me, 'statistics.write', a.unitId, units)));
  const today = todayLocal();
  const [lastDay, setLastDay] = useState(today);
  const [items, setItems] = useState<Item[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [historyRound, setHistoryRound] = useState(0);
  const nextId = useRef(1);
  const validDay = isDay(lastDay) && lastDay <= today;
  const dayForRequests = validDay ? lastDay : undefined;

  const update = useCallback((id: number, change: (item: Item) => Item) => {
    setItems((list) => list.map((item) => (item.id === id ? change(item) : item)));
  }, []);

  const preview = useCallback(
    (id: number, file: File, day: string | undefined, mapping?: AppliedDraft) => {
      (mapping ? mappingApi.preview(a.id, [file], day, { mapping: mapping.spec, saveAs: mapping.saveAs || undefined }) : api.statistics.preview(a.id, [file], day)).then(
        (answer) =>
          update(id, (item) =>
            item.previewDay === (day ?? '') ? { ...item, preview: { state: 'done', value: answer.files }, part: partOf(answer.files) ?? item.part } : item,
          ),
        (error: unknown) => update(id, (item) => (item.previewDay === (day ?? '') ? { ...item, preview: { state: 'failed', error } } : item)),
      );
    },
    [a.id, update],
  );

  const addFiles = (files: File[]) => {
    setSummary(null);
    const added = files.map((file): Item => ({ id: nextId.current++, file, previewDay: dayForRequests ?? '', preview: { state: 'running' } }));
    setItems((list) => [...list, ...added]);
    for (const item of added) preview(item.id, item.file, dayForRequests);
  };

  // Another download day changes how TikTok's yearless dates and Meta's audience file read: look again.
  useEffect(() => {
    const day = dayForRequests ?? '';
    const stale = items.filter((item) => !item.result && item.previewDay !== day);
    if (stale.length === 0) return;
    const ids = new Set(stale.map((item) => item.id));
    setItems((list) => list.map((item) => (ids.has(item.id) ? { ...item, previewDay: day, preview: { state: 'running' } } : item)));
    for (const item of stale) preview(item.id, item.file, dayForRequests, item.mapping);
    // Only a new day looks again; the items are read as they are now.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dayForRequests]);

  /** Previews the file again with the user's mapping; rejects (for the editor to show) when it cannot be read with it. */
  const applyMapping = async (item: Item, applied: AppliedDraft) => {
    const day = dayForRequests ?? '';
    const answer = await mappingApi.preview(a.id, [item.file], dayForRequests, { mapping: applied.spec, saveAs: applied.saveAs || undefined });
    const refused = answer.files.find((r) => r.status === 'refused');
    update(item.id, (it) => ({
      ...it,
      previewDay: day,
      preview: { state: 'done', value: answer.files },
      part: partOf(answer.files) ?? it.part,
      mapping: applied,
      editing: refused !== undefined,
      mappingProblem: undefined,
    }));
    if (refused) throw new Error(refused.error ?? t('problem.generic'));
    // The editor closes: focus goes to the file, whose report now says what it holds.
    requestAnimationFrame(() => document.getElementById(`file-${item.id}`)?.focus());
  };

  const runImport = async () => {
    const queue = items.filter(importable);
    if (queue.length === 0) return;
    setSummary(null);
    const counts = { imported: 0, unchanged: 0, refused: 0, failed: 0 };
    for (const [index, item] of queue.entries()) {
      setProgress({ total: queue.length, done: index, current: 0, name: item.file.name });
      update(item.id, (it) => ({ ...it, result: { state: 'running' } }));
      try {
        const onProgress = (loaded: number, total: number) =>
          setProgress({ total: queue.length, done: index, current: total > 0 ? loaded / total : 0, name: item.file.name });
        const answer = item.mapping
          ? await mappingApi.import(a.id, [item.file], dayForRequests, { mapping: item.mapping.spec, saveAs: item.mapping.saveAs || undefined }, { onProgress })
          : await api.statistics.import(a.id, [item.file], dayForRequests, { onProgress });
        for (const r of answer.files) counts[r.status === 'ready' ? 'imported' : r.status] += 1;
        // Refused because of the mapping (a name taken since the preview…): back to the editor.
        const refused = item.mapping ? answer.files.find((r) => r.status === 'refused') : undefined;
        if (refused) {
          // A name taken since the preview is shown at the name field (the editor puts conflicts there).
          const problem = refused.errorCode === 'conflict' ? new ApiError(409, 'conflict', refused.error ?? '') : (refused.error ?? t('problem.generic'));
          update(item.id, (it) => ({ ...it, result: undefined, editing: true, mappingProblem: problem }));
        } else update(item.id, (it) => ({ ...it, result: { state: 'done', value: answer.files } }));
      } catch (error) {
        counts.failed += 1;
        const aboutMapping = item.mapping && isApiError(error) && (error.code === 'conflict' || error.fieldsNamed(['saveAs', 'mapping']).length > 0);
        if (aboutMapping) update(item.id, (it) => ({ ...it, result: undefined, editing: true, mappingProblem: error }));
        else update(item.id, (it) => ({ ...it, result: { state: 'failed', error } }));
      }
    }
    setProgress({ total: queue.length, done: queue.length, current: 0, name: '' });
    setSummary(
      t('importPage.summary', {
        imported: formatNumber(counts.imported),
        unchanged: formatNumber(counts.unchanged),
        refused: formatNumber(counts.refused + counts.failed),
      }),
    );
    setHistoryRound((r) => r + 1);
  };

  const busy = progress !== null && progress.done < progress.total;
  const ready = items.filter(importable);
  const checking = items.some((i) => i.preview.state === 'running');
  const remove = (id: number) => setItems((list) => list.filter((i) => i.id !== id));

  return (
    <>
      <p>
        <Link to={`/accounts/${encodeURIComponent(a.slug)}`}>← {t('account.back')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{t('importPage.heading')}</h1>
          <p className="subtitle">
            {a.name} · {platformLabel(a.platform)}
          </p>
        </div>
      </div>

      {mayWrite ? (
        <section className="card" aria-labelledby="files-heading">
          <h2 id="files-heading">{t('importPage.filesHeading')}</h2>
          <p>{t('importPage.intro', { platform: platformLabel(a.platform) })}</p>
          <TextField
            label={t('importPage.lastDay')}
            hint={t('importPage.lastDayHint')}
            type="date"
            max={today}
            value={lastDay}
            onChange={(e) => setLastDay(e.target.value)}
            error={validDay ? undefined : t('importPage.lastDayInvalid', { today: formatDay(today) })}
            className="field-narrow"
          />
          <FileDrop onFiles={addFiles} disabled={busy} />

          {items.length > 0 ? (
            <>
              <h3>{t('importPage.listHeading', { count: items.length })}</h3>
              <ul className="file-list">
                {items.map((item) => (
                  <FileItem
                    key={item.id}
                    item={item}
                    platform={a.platform}
                    onRemove={busy || item.result ? undefined : () => remove(item.id)}
                    onEdit={busy ? undefined : (editing) => update(item.id, (it) => ({ ...it, editing }))}
                    onApply={(applied) => applyMapping(item, applied)}
                  />
                ))}
              </ul>
            </>
          ) : null}

          <div className="import-actions">
            <button type="button" className="button primary" disabled={busy || checking || ready.length === 0} onClick={() => void runImport()} aria-busy={busy || undefined}>
              {ready.length > 0 ? t('importPage.importButton', { count: ready.length }) : t('importPage.importButtonNone')}
            </button>
            {items.length > 0 && !busy ? (
              <button type="button" className="button subtle" onClick={() => { setItems([]); setProgress(null); setSummary(null); }}>
                {t('importPage.clear')}
              </button>
            ) : null}
          </div>
          {checking ? <p className="muted">{t('importPage.checking')}</p> : null}
          {progress ? (
            <div className="progress-wrap import-progress">
              <label htmlFor="import-progress">
                {progress.done < progress.total
                  ? t('importPage.progress', { n: progress.done + 1, total: progress.total, file: progress.name })
                  : t('importPage.progressDone', { count: progress.total, total: progress.total })}
              </label>
              <progress id="import-progress" max={progress.total} value={Math.min(progress.total, progress.done + progress.current)} />
            </div>
          ) : null}
          <Notice>{summary}</Notice>
        </section>
      ) : (
        <p className="alert alert-warn">{a.status === 'closed' ? t('importPage.closed') : t('importPage.notAllowed')}</p>
      )}

      <section className="card" aria-labelledby="template-heading">
        <h2 id="template-heading">{t('importPage.templateHeading')}</h2>
        <p>{t('importPage.templateText')}</p>
        <p>
          <a href={downloads.importTemplate} download="maalbar-import-template.csv">
            {t('importPage.templateLink')}
          </a>
        </p>
      </section>

      <ImportHistory account={a} mayWrite={mayWrite} round={historyRound} />
    </>
  );
}

function FileItem({
  item,
  platform,
  onRemove,
  onEdit,
  onApply,
}: {
  item: Item;
  platform: AccountDetail['platform'];
  onRemove: (() => void) | undefined;
  onEdit: ((editing: boolean) => void) | undefined;
  onApply(applied: AppliedDraft): Promise<void>;
}) {
  const { t } = useTranslation();
  const target = mappingTarget(item);
  const shown = item.result?.state === 'done' ? item.result.value : item.preview.state === 'done' ? item.preview.value : null;
  const phase = item.result?.state === 'done' ? 'import' : 'preview';
  return (
    <li className="file-item">
      <div className="file-item-head">
        <h4 id={`file-${item.id}`} tabIndex={-1}>
          {item.file.name} <span className="muted">({formatBytes(item.file.size)})</span>
        </h4>
        {onRemove ? (
          <button type="button" className="button subtle small" onClick={onRemove} aria-label={t('importPage.removeLabel', { file: item.file.name })}>
            {t('importPage.remove')}
          </button>
        ) : null}
      </div>
      {item.preview.state === 'running' ? <p className="muted">{t('importPage.checkingFile')}</p> : null}
      {item.preview.state === 'failed' ? <ProblemAlert error={item.preview.error} /> : null}
      {item.result?.state === 'running' ? <p className="muted">{t('importPage.importing')}</p> : null}
      {item.result?.state === 'failed' ? <ProblemAlert error={item.result.error} /> : null}
      {shown ? (
        shown.length === 0 ? (
          <p className="not-set">{t('importPage.emptyZip')}</p>
        ) : (
          shown.map((report, i) => (
            <FileReportView
              key={`${report.file}-${i}`}
              report={report}
              phase={phase}
              showName={shown.length > 1 || report.file !== item.file.name}
              onMap={onEdit && !item.mapping ? () => onEdit(true) : undefined}
            />
          ))
        )
      ) : null}
      {item.mapping && !target ? <OwnMappingNote saveAs={item.mapping.saveAs} phase={phase} onChange={!item.result && onEdit ? () => onEdit(true) : undefined} /> : null}
      {target ? (
        <MappingEditor
          prefix={`mapping-${item.id}`}
          report={target.report}
          mapping={target.part}
          platform={platform}
          initial={item.mapping?.draft}
          problem={item.mappingProblem}
          onApply={onApply}
          onCancel={target.report.status === 'refused' || !onEdit ? undefined : () => onEdit(false)}
        />
      ) : null}
    </li>
  );
}
