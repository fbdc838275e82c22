/**
 * /audit (`?from=&to=&unit=&entityType=&actor=`): the audit trail for administrators (everything)
 * and unit managers (their units and below). Filters in the address; a table of changes, newest
 * first — when, who, what, which entity, and the changed fields before → after; "load more"
 * follows the API's cursor; CSV and XLSX downloads with the same filters.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AuditEventList, AuditEventOut } from '../../../../src/contract/audit.ts';
import { auditEntityTypes } from '../../../../src/contract/audit.ts';
import { can } from '../../access.ts';
import { api } from '../../api/index.ts';
import { API_BASE, request } from '../../api/client.ts';
import { Loaded, ProblemAlert } from '../../components/feedback.tsx';
import { SelectField, TextField } from '../../components/forms.tsx';
import { unitFilterOptions } from '../../components/units.ts';
import { useAction, useLoad, usePageTitle } from '../../hooks.ts';
import { currentLanguage, formatDate } from '../../i18n/index.ts';
import { useMe } from '../../session.tsx';
import { actionKey, exportUrl, filterQuery, readFilters, shownChanges, valueText, type AuditFilters } from './audit-view.ts';

const PAGE = 50;

function fetchPage(filters: AuditFilters, cursor?: string): Promise<AuditEventList> {
  return request<AuditEventList>('GET', '/audit-events', { query: { ...filterQuery(filters), limit: String(PAGE), cursor } });
}

/** Where an entity can be seen in the app, when it has a page. */
function entityPath(e: AuditEventOut): string | null {
  switch (e.entityType) {
    case 'goal':
      return `/goals/${e.entityId}`;
    case 'account':
      return `/accounts/${e.entityId}`;
    case 'evaluation':
      return `/evaluations/${e.entityId}`;
    case 'competitor':
    case 'competitor_figures':
      return `/competitors/${e.entityId}`;
    default:
      return null;
  }
}

export default function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const units = useLoad(() => api.units.list(true), []);
  const people = useLoad(() => api.people.list(), []);
  const first = useLoad(() => fetchPage(filters), [filters.from, filters.to, filters.unit, filters.entityType, filters.actor]);
  // Later pages belong to the first page they continue: new filters (a new first page) drop them.
  const [later, setLater] = useState<{ after: AuditEventList | undefined; events: AuditEventOut[]; cursor: string | null }>({ after: undefined, events: [], cursor: null });
  const continues = later.after !== undefined && later.after === first.data;
  const more = continues ? later.events : [];
  const cursor = continues ? later.cursor : (first.data?.nextCursor ?? null);
  const action = useAction();

  const setParam = (key: keyof AuditFilters, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const loadMore = async () => {
    if (!cursor) return;
    const base = first.data;
    const page = await action.run(() => fetchPage(filters, cursor));
    if (!page) return;
    setLater({ after: base, events: [...more, ...page.events], cursor: page.nextCursor });
  };

  const unitList = units.data ?? [];
  const readable = me.isAdmin ? unitList : unitList.filter((u) => can(me, 'audit.read', u.id, unitList));
  const lang = currentLanguage();
  const anyFilter = Object.values(filters).some(Boolean);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('audit.title')}</h1>
          <p className="subtitle">{t('audit.intro')}</p>
          <p className="muted">{me.isAdmin ? t('audit.scopeAdmin') : t('audit.scopeManager')}</p>
        </div>
      </div>
      <form className="filters card" role="search" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('audit.from')} type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => setParam('from', e.target.value)} />
        <TextField label={t('audit.to')} type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => setParam('to', e.target.value)} />
        <SelectField label={t('audit.unit')} value={filters.unit} onChange={(e) => setParam('unit', e.target.value)} options={unitFilterOptions(readable, filters.unit, t('audit.allUnits'))} />
        <SelectField
          label={t('audit.entityType')}
          value={filters.entityType}
          onChange={(e) => setParam('entityType', e.target.value)}
          options={[{ value: '', label: t('audit.allEntityTypes') }, ...auditEntityTypes.map((type) => ({ value: type, label: t(`audit.entityTypes.${type}`) }))]}
        />
        <SelectField
          label={t('audit.person')}
          value={filters.actor}
          onChange={(e) => setParam('actor', e.target.value)}
          options={[{ value: '', label: t('audit.allPeople') }, ...(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
        />
        {anyFilter ? (
          <button type="button" className="button subtle" onClick={() => setParams({}, { replace: true })}>
            {t('audit.clear')}
          </button>
        ) : null}
      </form>
      <section aria-labelledby="audit-export-heading" className="actions">
        <h2 id="audit-export-heading" className="visually-hidden">
          {t('audit.export')}
        </h2>
        <ul className="inline-list actions">
          {(['csv', 'xlsx'] as const).map((format) => (
            <li key={format}>
              <a className="button" href={exportUrl(API_BASE, filters, format, lang)} download aria-label={t('audit.exportAs', { format: format.toUpperCase() })}>
                {t('audit.export')} {format.toUpperCase()}
              </a>
            </li>
          ))}
        </ul>
        <p className="hint">{t('audit.exportHint')}</p>
      </section>
      <Loaded data={first.data} error={first.error}>
        {(data) => {
          const events = [...data.events, ...more];
          return events.length === 0 ? (
            <p className="empty">{t('audit.none')}</p>
          ) : (
            <>
              <p className="result-count" role="status" aria-live="polite">
                {t('audit.shown', { count: events.length })}
              </p>
              <div className="table-wrap">
                <table className="table audit-table">
                  <caption>{t('audit.table')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('audit.when')}</th>
                      <th scope="col">{t('audit.who')}</th>
                      <th scope="col">{t('audit.what')}</th>
                      <th scope="col">{t('audit.entity')}</th>
                      <th scope="col">{t('audit.changes')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {events.map((e) => (
                      <EventRow key={e.id} e={e} />
                    ))}
                  </tbody>
                </table>
              </div>
              <ProblemAlert error={action.error} />
              {cursor ? (
                <button type="button" className="button" onClick={() => void loadMore()} disabled={action.busy} aria-busy={action.busy || undefined}>
                  {t('audit.loadMore')}
                </button>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </>
  );
}

/** A value before (struck through) or after; an absent one is shown as such, not struck or marked. */
function Value({ value, empty, kind }: { value: unknown; empty: string; kind: 'del' | 'ins' }) {
  const text = valueText(value, empty);
  if (value === null || value === undefined || value === '') return <span className="muted">{text}</span>;
  return kind === 'del' ? <del>{text}</del> : <ins style={{ textDecoration: 'none', fontWeight: 600 }}>{text}</ins>;
}

function EventRow({ e }: { e: AuditEventOut }) {
  const { t } = useTranslation();
  const who = e.actor.name ?? (e.actor.kind === 'operator' ? t('audit.operator') : e.actor.kind === 'system' ? t('audit.system') : t('audit.unknownPerson'));
  const path = entityPath(e);
  const label = e.label ?? e.entityId;
  const { shown, more } = shownChanges(e);
  const empty = t('audit.empty');
  return (
    <tr>
      <td>
        <time dateTime={e.at}>{formatDate(e.at, true)}</time>
      </td>
      <td>{who}</td>
      <td>{t(actionKey(e.action), { defaultValue: e.action })}</td>
      <td>
        <span className="muted">{t(`audit.entityTypes.${e.entityType}`, { defaultValue: e.entityType })}</span>{' '}
        {path ? <Link to={path}>{label}</Link> : label}
        <br />
        <span className="hint">{e.unit?.name ?? t('audit.organisationWide')}</span>
      </td>
      <td>
        {shown.length === 0 ? (
          <span className="muted">{t('audit.noChanges')}</span>
        ) : (
          <ul className="audit-changes" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {shown.map((c) => (
              <li key={c.field}>
                <code>{c.field}</code>: <Value value={c.before} empty={empty} kind="del" /> → <Value value={c.after} empty={empty} kind="ins" />
              </li>
            ))}
            {more > 0 ? <li className="hint">{t('audit.more', { count: more })}</li> : null}
          </ul>
        )}
      </td>
    </tr>
  );
}
