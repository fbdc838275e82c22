/**
 * Import statistics into one account: drop many files or a ZIP (or choose them), say the day they
 * were downloaded, see at once what each holds (preview), then import them one request per file
 * with a progress bar, and see per file what was written. The account's import history follows,
 * with undo and the original files.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, downloads, type AccountDetail, type FileReport, type UnitOut } from '../../api/index.ts';
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
}

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
    (id: number, file: File, day: string | undefined) => {
      api.statistics.preview(a.id, [file], day).then(
        (answer) => update(id, (item) => (item.previewDay === (day ?? '') ? { ...item, preview: { state: 'done', value: answer.files } } : item)),
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
    for (const item of stale) preview(item.id, item.file, dayForRequests);
    // Only a new day looks again; the items are read as they are now.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dayForRequests]);

  const runImport = async () => {
    const queue = items.filter(importable);
    if (queue.length === 0) return;
    setSummary(null);
    const counts = { imported: 0, unchanged: 0, refused: 0, failed: 0 };
    for (const [index, item] of queue.entries()) {
      setProgress({ total: queue.length, done: index, current: 0, name: item.file.name });
      update(item.id, (it) => ({ ...it, result: { state: 'running' } }));
      try {
        const answer = await api.statistics.import(a.id, [item.file], dayForRequests, {
          onProgress: (loaded, total) => setProgress({ total: queue.length, done: index, current: total > 0 ? loaded / total : 0, name: item.file.name }),
        });
        for (const r of answer.files) counts[r.status === 'ready' ? 'imported' : r.status] += 1;
        update(item.id, (it) => ({ ...it, result: { state: 'done', value: answer.files } }));
      } catch (error) {
        counts.failed += 1;
        update(item.id, (it) => ({ ...it, result: { state: 'failed', error } }));
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
                  <FileItem key={item.id} item={item} onRemove={busy || item.result ? undefined : () => remove(item.id)} />
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

function FileItem({ item, onRemove }: { item: Item; onRemove: (() => void) | undefined }) {
  const { t } = useTranslation();
  const shown = item.result?.state === 'done' ? item.result.value : item.preview.state === 'done' ? item.preview.value : null;
  const phase = item.result?.state === 'done' ? 'import' : 'preview';
  return (
    <li className="file-item">
      <div className="file-item-head">
        <h4>
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
            <FileReportView key={`${report.file}-${i}`} report={report} phase={phase} showName={shown.length > 1 || report.file !== item.file.name} />
          ))
        )
      ) : null}
    </li>
  );
}
