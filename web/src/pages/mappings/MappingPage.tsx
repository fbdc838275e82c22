/**
 * One saved column mapping: what it is (platform, per day or per post, the headers it is found
 * by, who made and changed it), and for administrators a form to rename it and change its date
 * format and column targets, and deletion after a confirmation. Editing or deleting never changes
 * earlier imports: each import keeps a copy of the mapping it used.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/index.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loaded, Notice, ProblemAlert } from '../../components/feedback.tsx';
import { platformName } from '../../components/statistics.ts';
import { useAction, useLoad, usePageTitle } from '../../hooks.ts';
import { formatDate, formatNumber } from '../../i18n/index.ts';
import { useMe } from '../../session.tsx';
import { checkDraft, draftFromSpec, placeServerIssues, specFromDraft, type FieldKey, type MappingDraft } from '../import/MappingDraft.ts';
import { MappingFields } from '../import/MappingFields.tsx';
import { MappingErrorSummary, MappingNameField, problemMessages, serverMessages } from '../import/MappingSummary.tsx';
import { mappingApi, type ColumnMappingOut } from './api.ts';
import { mappedCount } from './MappingsPage.tsx';

export default function MappingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const detail = useLoad(() => mappingApi.get(id), [id]);
  usePageTitle(detail.data?.name ?? t('mapping.listTitle'));
  return (
    <>
      <p>
        <Link to="/settings/column-mappings">← {t('mapping.backToList')}</Link>
      </p>
      <Loaded data={detail.data} error={detail.error}>
        {(m) => <MappingView key={m.id} mapping={m} onSaved={detail.setData} />}
      </Loaded>
    </>
  );
}

function MappingView({ mapping: m, onSaved }: { mapping: ColumnMappingOut; onSaved(m: ColumnMappingOut): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const who = (person: ColumnMappingOut['createdBy'], at: string) =>
    t('mapping.byAt', { name: person?.name ?? t('mapping.unknownPerson'), date: formatDate(at, true) });
  const [confirming, setConfirming] = useState(false);
  const remove = useAction();

  const doRemove = async () => {
    const done = await remove.run(async () => {
      await mappingApi.remove(m.id);
      return true;
    });
    setConfirming(false);
    if (done) void navigate('/settings/column-mappings', { state: { deleted: m.name } });
  };

  return (
    <>
      <h1>{m.name}</h1>
      <p>{t('mapping.neverChangesImports')}</p>
      <section className="card" aria-labelledby="mapping-facts">
        <h2 id="mapping-facts">{t('mapping.factsHeading')}</h2>
        <dl className="facts">
          <dt>{t('mapping.platform')}</dt>
          <dd>{platformName(m.mapping.platform)}</dd>
          <dt>{t('mapping.granularity')}</dt>
          <dd>{t(`mapping.granularityShort.${m.mapping.granularity}`)}</dd>
          <dt>{t('mapping.dateFormat')}</dt>
          <dd>
            {m.mapping.date.format} ({t('mapping.role.date')}: <q>{m.mapping.date.header}</q>)
          </dd>
          <dt>{t('mapping.mappedColumns')}</dt>
          <dd>{t('mapping.mappedOf', { mapped: mappedCount(m), count: m.headers.length })}</dd>
          <dt>{t('mapping.headers')}</dt>
          <dd>{m.headers.join(', ')}</dd>
          <dt>{t('mapping.made')}</dt>
          <dd>{who(m.createdBy, m.createdAt)}</dd>
          <dt>{t('mapping.changed')}</dt>
          <dd>
            {who(m.updatedBy, m.updatedAt)} · {t('mapping.version', { version: formatNumber(m.version) })}
          </dd>
        </dl>
      </section>
      {me.isAdmin ? (
        <>
          <EditMapping mapping={m} onSaved={onSaved} />
          <section className="card" aria-labelledby="mapping-delete">
            <h2 id="mapping-delete">{t('mapping.deleteHeading')}</h2>
            <p>{t('mapping.deleteText')}</p>
            <ProblemAlert error={remove.error} />
            <button type="button" className="button danger" onClick={() => setConfirming(true)}>
              {t('mapping.delete', { name: m.name })}
            </button>
            <ConfirmDialog
              open={confirming}
              title={t('mapping.deleteConfirmTitle', { name: m.name })}
              confirmLabel={t('mapping.deleteConfirm')}
              onConfirm={() => void doRemove()}
              onCancel={() => setConfirming(false)}
              busy={remove.busy}
              danger
            >
              <p>{t('mapping.deleteConfirmText')}</p>
            </ConfirmDialog>
          </section>
        </>
      ) : (
        <p className="alert alert-warn">{t('mapping.adminsOnly')}</p>
      )}
    </>
  );
}

function EditMapping({ mapping: m, onSaved }: { mapping: ColumnMappingOut; onSaved(m: ColumnMappingOut): void }) {
  const { t } = useTranslation();
  const prefix = 'edit-mapping';
  const metrics = useLoad(() => api.catalogue.metrics(m.mapping.platform), [m.mapping.platform]);
  const [draft, setDraft] = useState<MappingDraft>(() => draftFromSpec(m.mapping, m.headers, m.name));
  const [local, setLocal] = useState<Partial<Record<FieldKey, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const { positions } = specFromDraft(draft, m.headers, m.mapping.platform);
  const server = isApiError(error) ? placeServerIssues(error.issues, positions) : { fields: {}, other: [] };
  const serverFields = serverMessages(server.fields, t);
  if (isApiError(error) && error.code === 'conflict' && !serverFields.name) serverFields.name = error.detail;
  const errors = { ...serverFields, ...local };
  const general = isApiError(error) && Object.keys(serverFields).length === 0 ? [...server.other, ...(server.other.length ? [] : [error.detail])] : server.other;

  const submit = async () => {
    setDone(null);
    const found = checkDraft({ ...draft, name: '' });
    if (!draft.name.trim()) found.name = 'nameRequired';
    const messages = problemMessages(found, t);
    setLocal(messages);
    setError(null);
    if (Object.keys(messages).length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const saved = await mappingApi.update(m.id, { name: draft.name.trim(), mapping: specFromDraft(draft, m.headers, m.mapping.platform).spec });
      setDone(t('mapping.saved', { name: saved.name, version: formatNumber(saved.version) }));
      onSaved(saved);
    } catch (e) {
      setError(e);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="mapping-edit">
      <h2 id="mapping-edit">{t('mapping.editHeading')}</h2>
      <Notice>{done}</Notice>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <MappingErrorSummary ref={summary} prefix={prefix} headers={m.headers} errors={errors} general={general} />
        <MappingNameField prefix={prefix} label={t('mapping.nameLabel')} hint={t('mapping.nameHint')} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} error={errors.name} />
        <Loaded data={metrics.data} error={metrics.error}>
          {(list) => (
            <MappingFields prefix={prefix} headers={m.headers} platform={m.mapping.platform} metrics={list} draft={draft} onChange={setDraft} errors={errors} />
          )}
        </Loaded>
        <p className="hint">{t('mapping.neverChangesImports')}</p>
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy} aria-busy={busy || undefined}>
            {t('mapping.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
