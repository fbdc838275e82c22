/**
 * Accounts needing attention, the most urgent first, each reason in words: the missed and at-risk
 * KPIs by name, an audience outside the target groups, undocumented days about to leave the
 * platform's history window.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OverviewAccount } from '../../../../src/contract/overview.ts';
import { platformLabel } from '../../components/labels.ts';
import type { CompareChoice } from '../../components/period-picker.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { accountDashboardPath, reasonPhrases, withPeriod, type ReasonPhrase } from './overview-view.ts';
import { WorstBadge } from './UnitTables.tsx';

function Phrase({ phrases }: { phrases: ReasonPhrase[] }) {
  const { t } = useTranslation();
  return <>{phrases.map((p) => t(`dashboard.reason.${p.key}`, p.params)).join(', ')}</>;
}

/** The most urgent are shown at once; the rest behind a disclosure. */
const SHOWN_FIRST = 10;

function Item({ a, keep }: { a: OverviewAccount; keep: { period: string; compare: CompareChoice } }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <li className="attention-item">
      <h3>
        <Link to={withPeriod(accountDashboardPath(a.account.slug), keep.period, keep.compare)}>{a.account.name}</Link>
      </h3>
      <p className="muted">
        {t('dashboard.attention.where', { unit: a.unit.name, platform: platformLabel(a.account.platform) })} · <WorstBadge account={a} />
      </p>
      <ul className="reasons" aria-label={t('dashboard.attention.reasons', { name: a.account.name })}>
        {a.reasons.map((r, i) => (
          <li key={i} className={`reason reason-${r.kind}`}>
            <Phrase phrases={reasonPhrases(r, lang)} />
          </li>
        ))}
      </ul>
    </li>
  );
}

export function AttentionList({
  accounts,
  total,
  keep,
}: {
  accounts: OverviewAccount[];
  total: number;
  keep: { period: string; compare: CompareChoice };
}) {
  const { t } = useTranslation();
  if (accounts.length === 0) return <p className="muted">{t('dashboard.attention.none')}</p>;
  const first = accounts.slice(0, SHOWN_FIRST);
  const rest = accounts.slice(SHOWN_FIRST);
  return (
    <>
      {total > accounts.length ? <p className="muted">{t('dashboard.attention.capped', { shown: accounts.length, total })}</p> : null}
      <ul className="attention-list">
        {first.map((a) => (
          <Item key={a.account.id} a={a} keep={keep} />
        ))}
      </ul>
      {rest.length > 0 ? (
        <details className="disclosure attention-more">
          <summary>{t('dashboard.attention.more', { count: rest.length })}</summary>
          <ul className="attention-list">
            {rest.map((a) => (
              <Item key={a.account.id} a={a} keep={keep} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
