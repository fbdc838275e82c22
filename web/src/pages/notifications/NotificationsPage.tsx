/**
 * /notifications: the person's reminders, newest first, each worded from its kind and parameters
 * (notification-text.ts) with a link to what it is about, its due day and whether it was sent by
 * e-mail. Unread ones are marked in words, not only by colour; one or all can be marked read
 * (following the link marks it read too). `?unread=true` shows the unread ones only.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listNotifications, markNotificationsRead, type Notification } from '../../api/notifications.ts';
import { Loaded, Notice, ProblemAlert } from '../../components/feedback.tsx';
import { useAction, useLoad, usePageTitle } from '../../hooks.ts';
import { currentLanguage, formatDate } from '../../i18n/index.ts';
import { formatDueDay, notificationDueOn, notificationKindLabel, notificationText, type Translate } from './notification-text.ts';

const LIMIT = 100;

/** A link inside the app only: anything else (another site, javascript:) is not linked. */
const isAppPath = (link: string) => link.startsWith('/') && !link.startsWith('//');

export default function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const [params, setParams] = useSearchParams();
  const onlyUnread = params.get('unread') === 'true';
  const list = useLoad((): Promise<{ unread: number; items: Notification[] }> => listNotifications({ unread: onlyUnread, limit: LIMIT }), [onlyUnread]);
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const lang = currentLanguage();
  const translate: Translate = (key, values) => t(key, values ?? {});

  const markRead = async (ids: string[] | 'all') => {
    setNotice(null);
    const out = await action.run(() => markNotificationsRead(ids === 'all' ? { all: true } : { ids }));
    if (!out || !list.data) return;
    const now = new Date().toISOString();
    const read = (n: Notification) => (ids === 'all' || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n);
    list.setData({ unread: out.unread, items: list.data.items.map(read).filter((n) => !onlyUnread || n.readAt === null) });
    setNotice(ids === 'all' ? t('notifications.allMarked') : t('notifications.oneMarked'));
    // The button is gone: focus goes to its notification (or the page, when the list hid it).
    if (ids !== 'all') setTimeout(() => (document.getElementById(`notification-${ids[0]}`) ?? document.getElementById('main'))?.focus(), 0);
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('notifications.title')}</h1>
          <p className="subtitle">{t('notifications.intro')}</p>
        </div>
        <Link to="/me">{t('notifications.settingsLink')}</Link>
      </div>
      <Notice>{notice}</Notice>
      <ProblemAlert error={action.error} />
      <div className="actions">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyUnread}
            onChange={(e) => setParams(e.target.checked ? { unread: 'true' } : {}, { replace: true })}
          />
          <span>{t('notifications.onlyUnread')}</span>
        </label>
        <button
          type="button"
          className="button"
          onClick={() => void markRead('all')}
          disabled={action.busy || !list.data || list.data.unread === 0}
          aria-busy={action.busy || undefined}
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      <Loaded data={list.data} error={list.error}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{onlyUnread ? t('notifications.noneUnread') : t('notifications.none')}</p>
          ) : (
            <>
              <ul className="notification-list" aria-label={t('notifications.list')} style={{ listStyle: 'none', padding: 0 }}>
                {data.items.map((n) => {
                  const text = notificationText(n, lang, translate);
                  const dueOn = notificationDueOn(n);
                  const unread = n.readAt === null;
                  return (
                    <li key={n.id} id={`notification-${n.id}`} tabIndex={-1} className="card" style={unread ? { borderLeft: '4px solid var(--primary)' } : undefined}>
                      <p className="muted">
                        {unread ? <span className="badge neutral">{t('notifications.unread')}</span> : null} {notificationKindLabel(n.kind, translate)}
                        {' · '}
                        {t('notifications.received', { date: formatDate(n.createdAt, true) })}
                      </p>
                      <p style={unread ? { fontWeight: 600 } : undefined}>
                        {isAppPath(n.link) ? (
                          <Link to={n.link} onClick={() => (unread ? void markNotificationsRead({ ids: [n.id] }).catch(() => undefined) : undefined)}>
                            {text}
                          </Link>
                        ) : (
                          text
                        )}
                      </p>
                      <p className="hint">
                        {dueOn ? `${t('notifications.due', { date: formatDueDay(dueOn, lang, true) })} · ` : null}
                        {n.emailedAt ? t('notifications.emailed', { date: formatDate(n.emailedAt, true) }) : t('notifications.notEmailed')}
                      </p>
                      {unread ? (
                        <button
                          type="button"
                          className="button small subtle"
                          onClick={() => void markRead([n.id])}
                          disabled={action.busy}
                          aria-label={t('notifications.markReadLabel', { text })}
                        >
                          {t('notifications.markRead')}
                        </button>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
              {data.items.length >= LIMIT ? <p className="hint">{t('notifications.showingNewest', { n: LIMIT })}</p> : null}
            </>
          )
        }
      </Loaded>
    </>
  );
}
