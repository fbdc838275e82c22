/**
 * The organisation's saved column mappings (administrators manage them; everyone who may import
 * can read them): name, platform, per day or per post, how many columns map to a metric, who made
 * it and when, and who changed it last.
 */
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Loaded, Notice } from '../../components/feedback.tsx';
import { platformName } from '../../components/statistics.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { formatDate } from '../../i18n/index.ts';
import { useMe } from '../../session.tsx';
import { mappingPath } from '../import/MappingNote.tsx';
import { mappingApi, type ColumnMappingOut } from './api.ts';

export const mappedCount = (m: ColumnMappingOut) => m.mapping.columns.filter((c) => c.target.kind === 'metric').length;

export default function MappingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const deleted = (location.state as { deleted?: string } | null)?.deleted;
  usePageTitle(t('mapping.listTitle'));
  const list = useLoad(() => mappingApi.list(), []);
  const who = (person: ColumnMappingOut['createdBy'], at: string) =>
    t('mapping.byAt', { name: person?.name ?? t('mapping.unknownPerson'), date: formatDate(at, true) });
  return (
    <>
      <p>
        <Link to="/settings">← {t('mapping.backToSettings')}</Link>
      </p>
      <h1>{t('mapping.listTitle')}</h1>
      <p>{t('mapping.listIntro')}</p>
      <p className="hint">{t('mapping.neverChangesImports')}</p>
      {!me.isAdmin ? <p className="alert alert-warn">{t('mapping.adminsOnly')}</p> : null}
      <Notice>{deleted ? t('mapping.deleted', { name: deleted }) : null}</Notice>
      <Loaded data={list.data} error={list.error}>
        {(rows) => (
          <>
            <p className="result-count" role="status" aria-live="polite">
              {t('mapping.count', { count: rows.length })}
            </p>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('mapping.listTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('mapping.name')}</th>
                    <th scope="col">{t('mapping.platform')}</th>
                    <th scope="col">{t('mapping.granularity')}</th>
                    <th scope="col">{t('mapping.mappedColumns')}</th>
                    <th scope="col">{t('mapping.made')}</th>
                    <th scope="col">{t('mapping.changed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">
                        <Link to={mappingPath(m.id)}>{m.name}</Link>
                      </th>
                      <td>{platformName(m.mapping.platform)}</td>
                      <td>{t(`mapping.granularityShort.${m.mapping.granularity}`)}</td>
                      <td className="num">{t('mapping.mappedOf', { mapped: mappedCount(m), count: m.headers.length })}</td>
                      <td>{who(m.createdBy, m.createdAt)}</td>
                      <td>{who(m.updatedBy, m.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {rows.length === 0 ? <p className="empty">{t('mapping.none')}</p> : null}
            </div>
          </>
        )}
      </Loaded>
    </>
  );
}
