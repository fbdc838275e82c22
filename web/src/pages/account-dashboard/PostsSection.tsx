/**
 * The best and weakest posts of the period by each per-post metric of the account's KPIs: date,
 * type, the post's text (imported, shown as plain text on one line) and the value, linked to the
 * post on the platform when its address is a web address.
 */
import { useTranslation } from 'react-i18next';
import type { AccountDashboardOut } from '../../api/dashboards.ts';
import { formatValue, lang } from '../../components/goals.tsx';
import { formatDay } from '../../components/statistics.ts';
import { formatNumber } from '../../i18n/index.ts';
import { excerptLine, safeLink } from './dashboard-view.ts';

type PostGroup = AccountDashboardOut['posts'][number];
type Post = PostGroup['best'][number];

export function PostsSection({ posts }: { posts: AccountDashboardOut['posts'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="dash-posts-heading">
      <h2 id="dash-posts-heading">{t('accountDashboard.postsHeading')}</h2>
      {posts.length === 0 ? <p className="muted">{t('accountDashboard.noPostMetrics')}</p> : null}
      {posts.map((g) => (
        <PostGroupView key={g.metric} group={g} />
      ))}
    </section>
  );
}

function PostGroupView({ group: g }: { group: PostGroup }) {
  const { t } = useTranslation();
  const name = g.name[lang()];
  return (
    <section aria-labelledby={`dash-posts-${g.metric}`}>
      <h3 id={`dash-posts-${g.metric}`}>{name}</h3>
      {g.count === 0 ? (
        <p className="muted">{t('accountDashboard.noPosts')}</p>
      ) : (
        <>
          <p className="muted">{t('accountDashboard.postsCount', { count: g.count, posts: formatNumber(g.count) })}</p>
          <PostTable caption={t('accountDashboard.bestCaption', { name })} posts={g.best} unit={g.unit} />
          <PostTable caption={t('accountDashboard.weakestCaption', { name })} posts={g.weakest} unit={g.unit} />
        </>
      )}
    </section>
  );
}

function PostTable({ caption, posts, unit }: { caption: string; posts: Post[]; unit: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accountDashboard.postDate')}</th>
            <th scope="col">{t('accountDashboard.postType')}</th>
            <th scope="col">{t('accountDashboard.postText')}</th>
            <th scope="col" className="num">
              {t('chart.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {posts.map((p) => {
            const href = safeLink(p.permalink);
            const text = excerptLine(p.excerpt) || t('accountDashboard.postWithoutText', { id: p.platformPostId });
            return (
              <tr key={p.postId}>
                <td>{formatDay(p.publishedOn)}</td>
                <td>{p.postType ?? <span className="not-set">{t('common.notSet')}</span>}</td>
                <td>
                  {href ? (
                    <a href={href} rel="noopener noreferrer" target="_blank">
                      {text}
                    </a>
                  ) : (
                    text
                  )}
                </td>
                <td className="num">{formatValue(t, p.value, unit)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
