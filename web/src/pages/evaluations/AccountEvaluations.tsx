/**
 * The account page's history of monthly evaluations: each month with its state in words, the
 * decision, and who signed when, newest first, linked to the evaluation.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listEvaluations } from '../../api/evaluations.ts';
import { Loaded } from '../../components/feedback.tsx';
import { formatMonth } from '../../components/statistics.ts';
import { useLoad } from '../../hooks.ts';
import { EvaluationStatusCells } from './labels.tsx';

export function AccountEvaluations({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const list = useLoad(() => listEvaluations({ account: accountId }), [accountId]);
  return (
    <section className="card" aria-labelledby="account-evaluations-heading">
      <h2 id="account-evaluations-heading">{t('evaluations.accountHeading')}</h2>
      <p className="muted">{t('evaluations.accountIntro')}</p>
      <Loaded data={list.data} error={list.error}>
        {(data) => {
          const items = [...data.items].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
          if (items.length === 0) return <p className="muted">{t('evaluations.accountNone')}</p>;
          return (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('evaluations.accountHeading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('evaluations.col.month')}</th>
                    <th scope="col">{t('evaluations.col.state')}</th>
                    <th scope="col">{t('evaluations.col.dueOn')}</th>
                    <th scope="col">{t('evaluations.col.decision')}</th>
                    <th scope="col">{t('evaluations.col.signed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">
                        <Link to={`/evaluations/${encodeURIComponent(e.id)}`}>{formatMonth(e.month)}</Link>
                      </th>
                      <EvaluationStatusCells e={e} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </Loaded>
    </section>
  );
}
