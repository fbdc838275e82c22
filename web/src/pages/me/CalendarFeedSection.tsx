/**
 * The personal calendar feed on /me: make one (its address is shown once, with a copy button and
 * how to add it in Outlook and Google Calendar), make a new one (the old stops working: asked
 * first), or remove it (asked first). Only the address's first characters are known afterwards.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createCalendarFeed, deleteCalendarFeed, getCalendarFeed, type CalendarFeedCreated } from '../../api/notifications.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loaded, Notice, ProblemAlert } from '../../components/feedback.tsx';
import { useAction, useLoad } from '../../hooks.ts';
import { formatDate } from '../../i18n/index.ts';

/** The address as given, made absolute when the server answers with a path. */
export function absoluteUrl(url: string, origin: string): string {
  return url.startsWith('/') ? origin + url : url;
}

export function CalendarFeedSection() {
  const { t } = useTranslation();
  const feed = useLoad(() => getCalendarFeed(), []);
  const action = useAction();
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const [copied, setCopied] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'renew' | 'remove' | null>(null);
  const urlField = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const create = async () => {
    setNotice(null);
    setCopied(false);
    const made = await action.run(() => createCalendarFeed());
    setConfirm(null);
    if (made) {
      setCreated(made);
      feed.setData({ exists: made.exists, prefix: made.prefix, createdAt: made.createdAt, lastUsedAt: made.lastUsedAt });
      setTimeout(() => urlField.current?.focus(), 0);
    }
  };
  const remove = async () => {
    setNotice(null);
    const done = await action.run(async () => {
      await deleteCalendarFeed();
      return true;
    });
    setConfirm(null);
    if (done) {
      setCreated(null);
      feed.setData({ exists: false, prefix: null, createdAt: null, lastUsedAt: null });
      setNotice(t('me.calendar.removed'));
      // The buttons that opened the dialog are gone: focus goes to the section.
      setTimeout(() => heading.current?.focus(), 0);
    }
  };
  const url = created ? absoluteUrl(created.url, window.location.origin) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard (not a secure context, or refused): the address is selected to copy by hand.
      urlField.current?.select();
      setCopied(false);
    }
  };

  return (
    <section className="card" aria-labelledby="me-calendar-heading">
      <h2 id="me-calendar-heading" ref={heading} tabIndex={-1}>{t('me.calendar.title')}</h2>
      <p className="muted">{t('me.calendar.intro')}</p>
      <Notice>{notice}</Notice>
      <ProblemAlert error={action.error} />
      {created ? (
        <div className="alert alert-ok">
          <p className="alert-title">{t('me.calendar.shownOnce')}</p>
          <div className="field">
            <label htmlFor="me-calendar-url">{t('me.calendar.url')}</label>
            <input id="me-calendar-url" ref={urlField} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} style={{ width: '100%' }} />
          </div>
          <div className="actions">
            <button type="button" className="button" onClick={() => void copy()}>
              {t('me.calendar.copy')}
            </button>
            <span aria-live="polite">{copied ? t('me.calendar.copied') : ''}</span>
            <button type="button" className="button subtle" onClick={() => setCreated(null)}>
              {t('me.calendar.hide')}
            </button>
          </div>
          <h3>{t('me.calendar.howTo')}</h3>
          <ul>
            <li>{t('me.calendar.outlook')}</li>
            <li>{t('me.calendar.google')}</li>
          </ul>
        </div>
      ) : null}
      <Loaded data={feed.data} error={feed.error}>
        {(info) =>
          info.exists ? (
            <>
              <dl className="facts">
                <dt>{t('me.calendar.prefix')}</dt>
                <dd>
                  <code>{info.prefix ? `${info.prefix}…` : '–'}</code>
                </dd>
                <dt>{t('me.calendar.created')}</dt>
                <dd>{formatDate(info.createdAt, true)}</dd>
                <dt>{t('me.calendar.lastUsed')}</dt>
                <dd>{info.lastUsedAt ? formatDate(info.lastUsedAt, true) : t('me.calendar.never')}</dd>
              </dl>
              <div className="actions">
                <button type="button" className="button" onClick={() => setConfirm('renew')} disabled={action.busy}>
                  {t('me.calendar.renew')}
                </button>
                <button type="button" className="button danger" onClick={() => setConfirm('remove')} disabled={action.busy}>
                  {t('me.calendar.remove')}
                </button>
              </div>
            </>
          ) : (
            <>
              <p className="not-set">{t('me.calendar.none')}</p>
              <button type="button" className="button primary" onClick={() => void create()} disabled={action.busy} aria-busy={action.busy || undefined}>
                {t('me.calendar.create')}
              </button>
            </>
          )
        }
      </Loaded>
      <ConfirmDialog
        open={confirm === 'renew'}
        title={t('me.calendar.renewTitle')}
        confirmLabel={t('me.calendar.renewConfirm')}
        onConfirm={() => void create()}
        onCancel={() => setConfirm(null)}
        busy={action.busy}
      >
        <p>{t('me.calendar.renewBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'remove'}
        title={t('me.calendar.removeTitle')}
        confirmLabel={t('me.calendar.removeConfirm')}
        onConfirm={() => void remove()}
        onCancel={() => setConfirm(null)}
        busy={action.busy}
        danger
      >
        <p>{t('me.calendar.removeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
