/**
 * The account's imports, newest first: who, when, which file (downloadable as it was uploaded),
 * what it held, what it wrote, and whether it was undone. Undo asks first, saying what happens.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloads, type AccountDetail, type ImportOut, type UndoResult } from '../../api/index.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loaded, Notice, ProblemAlert } from '../../components/feedback.tsx';
import { formatBytes, formatDayRange, platformName } from '../../components/statistics.ts';
import { kindText } from './MappingNote.tsx';
import { useAction, useLoad } from '../../hooks.ts';
import { formatDate, formatNumber } from '../../i18n/index.ts';

const n = (v: number) => formatNumber(v);

export function ImportHistory({ account: a, mayWrite, round }: { account: AccountDetail; mayWrite: boolean; round: number }) {
  const { t } = useTranslation();
  const list = useLoad(() => api.statistics.imports(a.id), [a.id, round]);
  const [undoing, setUndoing] = useState<ImportOut | null>(null);
  const [undone, setUndone] = useState<UndoResult | null>(null);
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  // The undo button is gone once the list shows the import as undone: focus goes to the section.
  useEffect(() => {
    if (undone && !list.loading) heading.current?.focus();
  }, [undone, list.loading]);

  const label = (imp: ImportOut) => imp.fileName ?? originLabel(imp.origin);
  const originLabel = (origin: ImportOut['origin']) => t(`importHistory.origin.${origin}`);

  const confirmUndo = async () => {
    if (!undoing) return;
    const result = await action.run(() => api.statistics.undo(undoing.id));
    if (result) {
      setUndone(result);
      setUndoing(null);
      list.reload();
    }
  };

  return (
    <section className="card" aria-labelledby="history-heading" id="history">
      <h2 id="history-heading" ref={heading} tabIndex={-1}>{t('importHistory.heading')}</h2>
      <Notice>
        {undone
          ? t('importHistory.undoneNotice', {
              file: label(undone.import),
              removed: n(undone.removed),
              restored: n(undone.restored),
            })
          : null}
      </Notice>
      {!undoing ? <ProblemAlert error={action.error} /> : null}
      <Loaded data={list.data} error={list.error}>
        {(imports) =>
          imports.length === 0 ? (
            <p className="muted">{t('importHistory.none')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('importHistory.caption', { account: a.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('importHistory.when')}</th>
                    <th scope="col">{t('importHistory.file')}</th>
                    <th scope="col">{t('importHistory.content')}</th>
                    <th scope="col">{t('importHistory.values')}</th>
                    <th scope="col">{t('importHistory.state')}</th>
                    {mayWrite ? (
                      <th scope="col">
                        <span className="visually-hidden">{t('importHistory.actions')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {imports.map((imp) => (
                    <tr key={imp.id} className={imp.undoneAt ? 'undone' : undefined}>
                      <td>
                        {formatDate(imp.createdAt, true)}
                        <br />
                        <span className="muted">{imp.createdBy ? imp.createdBy.name : t('importHistory.system')}</span>
                      </td>
                      <td>
                        {imp.fileSize !== null ? (
                          <a
                            href={downloads.importFile(imp.id)}
                            download
                            aria-label={t('importHistory.downloadLabel', { file: label(imp) })}
                          >
                            {label(imp)}
                          </a>
                        ) : (
                          label(imp)
                        )}
                        {imp.fileSize !== null ? <span className="muted"> ({formatBytes(imp.fileSize)})</span> : null}
                        {imp.fileName && imp.origin !== 'file' ? <span className="muted"> · {originLabel(imp.origin)}</span> : null}
                      </td>
                      <td>
                        {[platformName(imp.platform), kindText(t, imp.kind)].filter(Boolean).join(' · ') || '–'}
                        {imp.from || imp.to ? (
                          <>
                            <br />
                            <span className="muted">{formatDayRange(imp.from, imp.to)}</span>
                          </>
                        ) : null}
                      </td>
                      <td>
                        {t('importHistory.counts', { added: n(imp.counts.added), changed: n(imp.counts.changed), unchanged: n(imp.counts.unchanged) })}
                        {imp.counts.posts > 0 ? (
                          <>
                            <br />
                            <span className="muted">{t('importPage.posts', { count: imp.counts.posts, posts: n(imp.counts.posts) })}</span>
                          </>
                        ) : null}
                        {imp.counts.audience > 0 ? (
                          <>
                            <br />
                            <span className="muted">{t('importPage.audience', { count: imp.counts.audience, snapshots: n(imp.counts.audience) })}</span>
                          </>
                        ) : null}
                      </td>
                      <td>
                        {imp.undoneAt ? (
                          <>
                            <span className="badge closed">{t('importHistory.undone')}</span>
                            <br />
                            <span className="muted">
                              {t('importHistory.undoneBy', { date: formatDate(imp.undoneAt, true), name: imp.undoneBy?.name ?? t('importHistory.system') })}
                            </span>
                          </>
                        ) : (
                          <span className="badge active">{t('importHistory.inEffect')}</span>
                        )}
                      </td>
                      {mayWrite ? (
                        <td>
                          {imp.undoneAt ? null : (
                            <button
                              type="button"
                              className="button subtle small"
                              aria-label={t('importHistory.undoLabel', { file: label(imp), date: formatDate(imp.createdAt, true) })}
                              onClick={() => {
                                action.reset();
                                setUndone(null);
                                setUndoing(imp);
                              }}
                            >
                              {t('importHistory.undo')}
                            </button>
                          )}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <ConfirmDialog
        open={undoing !== null}
        title={t('importHistory.confirmTitle')}
        confirmLabel={t('importHistory.confirm')}
        danger
        busy={action.busy}
        onCancel={() => setUndoing(null)}
        onConfirm={() => void confirmUndo()}
      >
        {undoing ? (
          <>
            <p>
              {t('importHistory.confirmWhat', {
                file: label(undoing),
                date: formatDate(undoing.createdAt, true),
                period: formatDayRange(undoing.from, undoing.to) || t('importHistory.noPeriod'),
              })}
            </p>
            <ul>
              <li>{t('importHistory.confirmAdded', { count: undoing.counts.added, values: n(undoing.counts.added) })}</li>
              <li>{t('importHistory.confirmChanged', { count: undoing.counts.changed, values: n(undoing.counts.changed) })}</li>
              {undoing.counts.posts > 0 || undoing.counts.audience > 0 ? (
                <li>{t('importHistory.confirmPosts', { posts: n(undoing.counts.posts), snapshots: n(undoing.counts.audience) })}</li>
              ) : null}
            </ul>
            <p>{t('importHistory.confirmKept')}</p>
            <ProblemAlert error={action.error} />
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
