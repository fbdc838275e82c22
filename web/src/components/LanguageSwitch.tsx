/** Switches between bokmål and English; each language is named in itself. */
import { useTranslation } from 'react-i18next';
import { currentLanguage, languages } from '../i18n/index.ts';
import { useSession } from '../session.tsx';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { changeLanguage } = useSession();
  const current = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.switch')}>
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          className="lang-button"
          lang={lng}
          aria-pressed={current === lng}
          onClick={() => changeLanguage(lng)}
        >
          {i18n.getFixedT(lng)('language.self')}
        </button>
      ))}
    </div>
  );
}
