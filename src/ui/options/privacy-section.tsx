import { t } from '../i18n';

export function PrivacySection() {
  return (
    <section id="privacy" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('privacyHeading')}</h2>
      <p>{t('privacyNothingSent')}</p>
      <ul>
        <li>{t('privacySettings')}</li>
        <li>{t('privacyHistory')}</li>
        <li>{t('privacyBadges')}</li>
        <li>{t('privacyClassifier')}</li>
      </ul>
      <p>{t('privacyControl')}</p>
    </section>
  );
}
