/**
 * The bell in the header: a link to /notifications whose name says how many are unread
 * ("3 uleste varsler"), with the count as a badge. It asks the server every few minutes and when
 * the window regains focus (never while the tab is hidden), and follows at once when the
 * notifications page marks some read. A rise in the count is announced in a polite live region.
 * Rendered only in the signed-in layout, so there is no polling without a session.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { listNotifications, onUnreadChange } from '../api/notifications.ts';

const POLL_MS = 3 * 60_000;

export function NotificationBell() {
  const { t } = useTranslation();
  const [unread, setUnread] = useState<number | null>(null);
  const [announced, setAnnounced] = useState('');
  const previous = useRef<number | null>(null);

  useEffect(() => {
    let controller: AbortController | null = null;
    const refresh = () => {
      if (document.visibilityState === 'hidden') return;
      controller?.abort();
      controller = new AbortController();
      // The count arrives through onUnreadChange; a failed poll keeps the last count.
      listNotifications({ unread: true, limit: 1 }, controller.signal).catch(() => undefined);
    };
    const stop = onUnreadChange(setUnread);
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stop();
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
      controller?.abort();
    };
  }, []);

  useEffect(() => {
    if (unread === null) return;
    // Announced when new ones arrive, not on the first load nor when some are marked read.
    if (previous.current !== null && unread > previous.current) setAnnounced(t('notifications.unreadCount', { count: unread }));
    previous.current = unread;
  }, [unread, t]);

  const label = unread ? t('notifications.unreadCount', { count: unread }) : t('notifications.bellNone');
  return (
    <>
      <NavLink to="/notifications" className="me-link bell-link" aria-label={label} title={label}>
        <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" style={{ verticalAlign: 'middle' }}>
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {unread ? (
          <span className="badge neutral" aria-hidden="true" style={{ marginLeft: '0.2rem' }}>
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </NavLink>
      <span role="status" aria-live="polite" className="visually-hidden">
        {announced}
      </span>
    </>
  );
}
