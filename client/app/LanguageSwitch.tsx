import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/index.ts';

/** 中文 / English. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((l) => (
        <button key={l.code} type="button" aria-pressed={i18n.language === l.code} onClick={() => void i18n.changeLanguage(l.code)} lang={l.code}>
          {l.label}
        </button>
      ))}
    </div>
  );
}
