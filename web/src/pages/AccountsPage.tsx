/** The accounts the person may read, with filters kept in the address (?unit=&platform=&status=&q=). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { accountStatuses, platforms, type AccountStatus, type Platform } from '../../../src/core/platforms.ts';
import { canAnywhere } from '../access.ts';
import { api, type AccountFilter } from '../api/index.ts';
import { FlashNotice, Loaded } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/forms.tsx';
import { platformLabel, platformOptions, statusLabel, statusOptions } from '../components/labels.ts';
import { unitName, unitOptions } from '../components/units.ts';
import { useFlash, useLoad, usePageTitle } from '../hooks.ts';
import { useMe } from '../session.tsx';

const isPlatform = (v: string): v is Platform => (platforms as readonly string[]).includes(v);
const isStatus = (v: string): v is AccountStatus => (accountStatuses as readonly string[]).includes(v);

export default function AccountsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const flash = useFlash();
  usePageTitle(t('accounts.title'));
  const [params, setParams] = useSearchParams();

  const unitParam = params.get('unit') ?? '';
  const platformParam = params.get('platform') ?? '';
  const statusParam = params.get('status') ?? '';
  const qParam = params.get('q') ?? '';
  const filter: AccountFilter = {
    unit: unitParam || undefined,
    platform: isPlatform(platformParam) ? platformParam : undefined,
    status: isStatus(statusParam) ? statusParam : undefined,
    q: qParam.trim() || undefined,
  };

  const units = useLoad(() => api.units.list(true), []);
  const accounts = useLoad(() => api.accounts.list(filter), [unitParam, platformParam, statusParam, qParam]);

  const setParam = (key: string, value: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  // The search text goes to the address a moment after typing stops.
  const [q, setQ] = useState(qParam);
  useEffect(() => setQ(qParam), [qParam]);
  useEffect(() => {
    if (q === qParam) return;
    const timer = setTimeout(() => setParam('q', q), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const filtered = Boolean(unitParam || platformParam || statusParam || qParam);
  const unitList = units.data ?? [];
  const newLink = `/accounts/new${unitParam ? `?unit=${encodeURIComponent(unitParam)}` : ''}`;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('accounts.title')}</h1>
          <p className="subtitle">{t('accounts.intro')}</p>
        </div>
        {canAnywhere(me, 'account.write') ? (
          <Link to={newLink} className="button primary">
            {t('accounts.new')}
          </Link>
        ) : null}
      </div>
      <FlashNotice flash={flash} />

        <form className="filters card" role="search" aria-label={t('accounts.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label={t('accounts.filterUnit')}
            hint={t('accounts.filterUnitHint')}
            value={unitParam}
            onChange={(e) => setParam('unit', e.target.value)}
            options={[
              { value: '', label: t('accounts.allUnits') },
              ...unitOptions(unitList.filter((u) => !u.archived || u.slug === unitParam || u.id === unitParam), { bySlug: true }),
            ]}
          />
          <SelectField
            label={t('account.platform')}
            value={filter.platform ?? ''}
            onChange={(e) => setParam('platform', e.target.value)}
            options={[{ value: '', label: t('accounts.allPlatforms') }, ...platformOptions()]}
          />
          <SelectField
            label={t('account.status')}
            value={filter.status ?? ''}
            onChange={(e) => setParam('status', e.target.value)}
            options={[{ value: '', label: t('accounts.allStatuses') }, ...statusOptions(t)]}
          />
          <TextField label={t('accounts.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} hint={t('accounts.searchHint')} />
          {filtered ? (
            <div className="field">
              <button type="button" className="button subtle" onClick={() => setParams({}, { replace: true })}>
                {t('accounts.clearFilters')}
              </button>
            </div>
          ) : null}
        </form>

      <Loaded data={accounts.data} error={accounts.error}>
        {(list) => (
          <>
            <p className="result-count" role="status" aria-live="polite">
              {t('accounts.count', { count: list.length })}
            </p>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('accounts.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('account.name')}</th>
                    <th scope="col">{t('account.platform')}</th>
                    <th scope="col">{t('account.handle')}</th>
                    <th scope="col">{t('account.unit')}</th>
                    <th scope="col">{t('account.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/accounts/${encodeURIComponent(a.slug)}`}>{a.name}</Link>
                      </th>
                      <td>{platformLabel(a.platform)}</td>
                      <td>{a.handle ?? ''}</td>
                      <td>{unitName(unitList, a.unitId)}</td>
                      <td>
                        <span className={`badge ${a.status}`}>{statusLabel(t, a.status)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {list.length === 0 ? <p className="empty">{filtered ? t('accounts.noneMatching') : t('accounts.none')}</p> : null}
            </div>
          </>
        )}
      </Loaded>
    </>
  );
}
