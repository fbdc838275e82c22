/**
 * Comparing the organisation's accounts on a metric (issue #5, "Comparison"): the internal
 * benchmark behind target values. Choose a metric, a period and a normalisation (raw, per 1000
 * followers, per post – only those that make sense for the metric); per platform the percentiles
 * p10–p90 of the ranked accounts, the ranking with each account's value, normalised value,
 * percentile rank and coverage, and the accounts that cannot be compared with the reason.
 * `?metric=&period=&normalise=` hold the view, so it can be shared.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useSearchParams } from 'react-router';
import { getComparison, type CompareOut } from '../../api/dashboards.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { Loaded } from '../../components/feedback.tsx';
import { SelectField } from '../../components/forms.tsx';
import { formatValue, lang } from '../../components/goals.tsx';
import { platformLabel } from '../../components/labels.ts';
import { PeriodPicker, usePeriodParam } from '../../components/PeriodPicker.tsx';
import { formatDayRange } from '../../components/statistics.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { formatNumber } from '../../i18n/index.ts';
import { compareMetrics, normalisationsOf, normalisedUnit, percentilesSpec, ranks, readCompareParams, type CompareNormalise } from './compare-view.ts';
import { getMetric } from '../../../../src/core/metrics/catalogue.ts';
import { wholeMonthsParam } from '../account-dashboard/dashboard-view.ts';

export default function ComparePage() {
  const { t } = useTranslation();
  usePageTitle(t('comparePage.title'));
  const [params, setParams] = useSearchParams();
  const { period, setPeriod, invalidPeriod } = usePeriodParam();
  const { metric, normalise } = readCompareParams(params.get('metric'), params.get('normalise'));
  const allowed = normalisationsOf(metric);
  const l = lang();
  const id = useId();
  const whole = wholeMonthsParam(period);
  const result = useLoad(() => (whole ? getComparison({ metric, period, normalise }) : Promise.resolve(null)), [metric, period, normalise, whole]);

  const set = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });
  const chooseMetric = (m: string) => set({ metric: m, normalise: normalisationsOf(m).includes(normalise) && normalise !== 'raw' ? normalise : null });

  return (
    <>
      <h1>{t('comparePage.title')}</h1>
      <p>{t('comparePage.intro')}</p>
      {invalidPeriod ? (
        <p className="alert alert-warn" role="alert">
          {t('periodPicker.invalidAddress', { reason: invalidPeriod })}
        </p>
      ) : null}
      <div className="form-grid">
        <SelectField
          label={t('comparePage.metric')}
          value={metric}
          onChange={(e) => chooseMetric(e.target.value)}
          options={compareMetrics(l).map((m) => ({ value: m.key, label: m.name }))}
          hint={getMetric(metric)?.definition[l]}
        />
        <fieldset className="field" aria-describedby={`${id}-norm-hint`}>
          <legend>{t('comparePage.normalise')}</legend>
          {(['raw', 'per_follower', 'per_post'] as const).map((n) =>
            allowed.includes(n) ? (
              <label key={n} className="radio">
                <input type="radio" name={`${id}-normalise`} value={n} checked={normalise === n} onChange={() => set({ normalise: n === 'raw' ? null : n })} />{' '}
                {t(`comparePage.normalisation.${n}`)}
              </label>
            ) : null,
          )}
          <p className="hint" id={`${id}-norm-hint`}>
            {allowed.length < 3 ? t('comparePage.normaliseLimited') : t('comparePage.normaliseHint')}
          </p>
        </fieldset>
      </div>
      <PeriodPicker value={period} onChange={setPeriod} />
      <div aria-busy={result.loading}>
        {whole ? (
          <Loaded data={result.data} error={result.error}>
            {(c) => (c ? <ComparisonView comparison={c} /> : null)}
          </Loaded>
        ) : (
          <p className="alert alert-warn" role="alert">
            {t('accountDashboard.wholeMonthsOnly')}
          </p>
        )}
      </div>
    </>
  );
}

function ComparisonView({ comparison: c }: { comparison: CompareOut }) {
  const { t } = useTranslation();
  const name = getMetric(c.metric)?.name[lang()] ?? c.metric;
  const shown = c.platforms.filter((p) => p.n > 0 || p.notComparable.length > 0);
  return (
    <>
      <p className="muted" aria-live="polite">
        {t('comparePage.summary', {
          metric: name,
          normalisation: t(`comparePage.normalisation.${c.normalise}`).toLocaleLowerCase(),
          period: formatDayRange(c.period.start, c.period.end),
          coverage: formatNumber(c.minCoverage * 100, { maximumFractionDigits: 0 }),
        })}
      </p>
      {c.higherIsBetter === false ? <p className="hint">{t('comparePage.lowerIsBetter')}</p> : null}
      {shown.length === 0 ? <p className="muted">{t('comparePage.noAccounts')}</p> : null}
      {shown.map((p) => (
        <PlatformBlock key={p.platform} block={p} comparison={c} metricName={name} />
      ))}
    </>
  );
}

type Block = CompareOut['platforms'][number];

function normalisedHeading(t: TFunction, n: CompareNormalise): string {
  return n === 'per_follower' ? t('comparePage.perFollowerValue') : n === 'per_post' ? t('comparePage.perPostValue') : t('comparePage.value');
}

function PlatformBlock({ block: b, comparison: c, metricName }: { block: Block; comparison: CompareOut; metricName: string }) {
  const { t } = useTranslation();
  const platform = platformLabel(b.platform);
  const unit = getMetric(c.metric)?.unit ?? 'count';
  const rank = ranks(b.ranked.map((r) => r.normalised));
  const raw = c.normalise === 'raw';
  const headingId = `compare-${b.platform}`;
  const spec = percentilesSpec(b, normalisedUnit(c.metric), {
    title: t('comparePage.percentilesTitle', { platform, metric: metricName }),
    description: t('comparePage.percentilesDescription', { count: b.n, accounts: formatNumber(b.n) }),
    series: raw ? metricName : `${metricName} (${t(`comparePage.normalisation.${c.normalise}`).toLocaleLowerCase()})`,
    label: (k) => t(`comparePage.percentile.${k}`),
  });
  const pct = (v: number) => t('unit.percent', { value: formatNumber(v * 100, { maximumFractionDigits: 0 }) });
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{platform}</h2>
      <p>{t('comparePage.ranked', { count: b.n, accounts: formatNumber(b.n) })}</p>
      {spec ? <Chart spec={spec} height={240} /> : null}
      {b.ranked.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('comparePage.rankingCaption', { platform, metric: metricName })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('comparePage.rank')}
                </th>
                <th scope="col">{t('comparePage.account')}</th>
                <th scope="col" className="num">
                  {t('comparePage.value')}
                </th>
                {!raw ? (
                  <>
                    <th scope="col" className="num">
                      {c.normalise === 'per_follower' ? t('comparePage.followersAtEnd') : t('comparePage.posts')}
                    </th>
                    <th scope="col" className="num">
                      {normalisedHeading(t, c.normalise)}
                    </th>
                  </>
                ) : null}
                <th scope="col" className="num">
                  {t('comparePage.percentileRank')}
                </th>
                <th scope="col" className="num">
                  {t('comparePage.coverage')}
                </th>
              </tr>
            </thead>
            <tbody>
              {b.ranked.map((r, i) => (
                <tr key={r.account.id}>
                  <td className="num">{rank[i]}</td>
                  <th scope="row">
                    <Link to={`/accounts/${encodeURIComponent(r.account.slug)}/dashboard`}>{r.account.name}</Link>
                  </th>
                  <td className="num">{formatValue(t, r.value, unit)}</td>
                  {!raw ? (
                    <>
                      <td className="num">{formatValue(t, c.normalise === 'per_follower' ? r.followersAtEnd : r.posts, 'count')}</td>
                      <td className="num">{formatValue(t, r.normalised, unit)}</td>
                    </>
                  ) : null}
                  <td className="num">{t('comparePage.percentileRankValue', { value: formatNumber(r.percentileRank, { maximumFractionDigits: 0 }) })}</td>
                  <td className="num">{pct(r.coverage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {b.notComparable.length > 0 ? (
        <>
          <h3>{t('comparePage.notComparableHeading', { count: b.notComparable.length })}</h3>
          <ul>
            {b.notComparable.map((n) => (
              <li key={n.account.id}>
                <Link to={`/accounts/${encodeURIComponent(n.account.slug)}/dashboard`}>{n.account.name}</Link>:{' '}
                {t(`comparePage.reason.${n.reason}`, {
                  coverage: n.coverage === null ? t('kpi.notMeasured') : pct(n.coverage),
                  min: pct(c.minCoverage),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
