/**
 * /me: the person's own reminder settings: reminders by e-mail on or off (saying when the server
 * cannot send e-mail at all), the personal calendar feed, and subscriptions to the monthly report.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getNotificationSettings, updateNotificationSettings, type NotificationSettings } from '../../api/notifications.ts';
import { Loaded, Notice, ProblemAlert } from '../../components/feedback.tsx';
import { useAction, useLoad, usePageTitle, type LoadState } from '../../hooks.ts';
import { CalendarFeedSection } from './CalendarFeedSection.tsx';
import { SubscriptionsSection } from './SubscriptionsSection.tsx';

export default function MySettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('me.title'));
  const settings = useLoad(() => getNotificationSettings(), []);
  return (
    <>
      <h1>{t('me.title')}</h1>
      <p className="subtitle">{t('me.intro')}</p>
      <EmailSection settings={settings} />
      <CalendarFeedSection />
      <SubscriptionsSection emailAvailable={settings.data?.emailAvailable ?? true} />
    </>
  );
}

function EmailSection({ settings }: { settings: LoadState<NotificationSettings> }) {
  const { t } = useTranslation();
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  // The box follows the click at once; when saving fails it goes back and the problem is shown.
  const change = async (before: NotificationSettings, email: boolean) => {
    setNotice(null);
    settings.setData({ ...before, email });
    const saved = await action.run(() => updateNotificationSettings({ email }));
    settings.setData(saved ?? before);
    if (saved) setNotice(saved.email ? t('me.email.on') : t('me.email.off'));
  };
  return (
    <section className="card" aria-labelledby="me-email-heading">
      <h2 id="me-email-heading">{t('me.email.title')}</h2>
      <Loaded data={settings.data} error={settings.error}>
        {(s) => (
          <>
            {s.emailAvailable ? null : <p className="alert alert-warn">{t('me.email.unavailable')}</p>}
            <ProblemAlert error={action.error} />
            <Notice>{notice}</Notice>
            <div className="field">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={s.email}
                  disabled={action.busy}
                  aria-describedby="me-email-hint"
                  onChange={(e) => void change(s, e.target.checked)}
                />
                <span>{t('me.email.label')}</span>
              </label>
              <p className="hint" id="me-email-hint">
                {t('me.email.hint', { address: s.address })}
              </p>
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}
