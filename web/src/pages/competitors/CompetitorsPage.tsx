/** Competitor and peer entries the person may read, with filters in the address (?unit=&platform=&kind=&archived=). */
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { platforms, type Platform } from '../../../../src/core/platforms.ts';
import { canAnywhere } from '../../access.ts';
import { api } from '../../api/index.ts';
import { Loaded } from '../../components/feedback.tsx';
import { SelectField } from '../../components/forms.tsx';
import { platformLabel, platformOptions } from '../../components/labels.ts';
import { unitName, unitOptions } from '../../components/units.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { competitorApi } from './api.ts';
import { kindLabel, kindOptions } from './labels.ts';

const isPlatform = (v: string): v is Platform => (platforms as readonly string[]).includes(v);
const isKind = (v: string): v is 'competitor' | 'peer' => v === 'competitor' || v === 'peer';

export default function CompetitorsPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('competitors.title'));
  const [params, setParams] = useSearchParams();
  const unitParam = params.get('unit') ?? '';
  const platformParam = params.get('platform') ?? '';
  const kindParam = params.get('kind') ?? '';
  const archived = params.get('archived') === 'true';

  const units = useLoad(() => api.units.list(true), []);
  const list = useLoad(
    () =>
      competitorApi.list({
        unit: unitParam || undefined,
        platform: isPlatform(platformParam) ? platformParam : undefined,
        kind: isKind(kindParam) ? kindParam : undefined,
        includeArchived: archived,
      }),
    [unitParam, platformParam, kindParam, archived],
  );
  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const unitList = units.data ?? [];
  const filtered = Boolean(unitParam || platformParam || kindParam);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('competitors.title')}</h1>
          <p className="subtitle">{t('competitors.intro')}</p>
        </div>
        <div className="actions">
          <Link to={`/competitors/share-of-voice${unitParam ? `?unit=${encodeURIComponent(unitParam)}` : ''}`} className="button">
            {t('competitors.sovLink')}
          </Link>
          {canAnywhere(me, 'account.write') ? (
            <Link to={`/competitors/new${unitParam ? `?unit=${encodeURIComponent(unitParam)}` : ''}`} className="button primary">
              {t('competitors.new')}
            </Link>
          ) : null}
        </div>
      </div>

      <form className="filters card" role="search" aria-label={t('competitors.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('competitors.filterUnit')}
          hint={t('competitors.filterUnitHint')}
          value={unitParam}
          onChange={(e) => setParam('unit', e.target.value)}
          options={[{ value: '', label: t('competitors.allUnits') }, ...unitOptions(unitList.filter((u) => !u.archived || u.slug === unitParam), { bySlug: true })]}
        />
        <SelectField
          label={t('competitors.platform')}
          value={isPlatform(platformParam) ? platformParam : ''}
          onChange={(e) => setParam('platform', e.target.value)}
          options={[{ value: '', label: t('competitors.allPlatforms') }, ...platformOptions()]}
        />
        <SelectField
          label={t('competitors.kind')}
          value={isKind(kindParam) ? kindParam : ''}
          onChange={(e) => setParam('kind', e.target.value)}
          options={[{ value: '', label: t('competitors.allKinds') }, ...kindOptions(t)]}
        />
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={archived} onChange={(e) => setParam('archived', e.target.checked ? 'true' : '')} />
            <span>{t('competitors.showArchived')}</span>
          </label>
        </div>
      </form>

      <Loaded data={list.data} error={list.error}>
        {(rows) => (
          <>
            <p className="result-count" role="status" aria-live="polite">
              {t('competitors.count', { count: rows.length })}
            </p>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('competitors.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('competitors.name')}</th>
                    <th scope="col">{t('competitors.platform')}</th>
                    <th scope="col">{t('competitors.handle')}</th>
                    <th scope="col">{t('competitors.kind')}</th>
                    <th scope="col">{t('competitors.unit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/competitors/${encodeURIComponent(c.slug)}`}>{c.name}</Link>
                        {c.archived ? <span className="badge closed"> {t('competitors.archived')}</span> : null}
                      </th>
                      <td>{platformLabel(c.platform)}</td>
                      <td>{c.handle ?? ''}</td>
                      <td>{kindLabel(t, c.kind)}</td>
                      <td>{unitName(unitList, c.unitId)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {rows.length === 0 ? <p className="empty">{filtered ? t('competitors.noneMatching') : t('competitors.none')}</p> : null}
            </div>
          </>
        )}
      </Loaded>
    </>
  );
}
