import { Screen } from '../components/Screen.tsx';
import { t } from '../i18n/i18n.ts';

const URL = '/api/v1/me/personal-data';

/** Settings › my personal data: what is held about me, downloaded as a readable PDF or as a JSON file. */
export default function MyData() {
  return (
    <Screen title={t('privacy.title')}>
      <p>{t('privacy.lead')}</p>
      <ul class="plain-list privacy-list">
        <li>{t('privacy.coversProfile')}</li>
        <li>{t('privacy.coversActivity')}</li>
        <li>{t('privacy.coversNotes')}</li>
        <li>{t('privacy.coversRecords')}</li>
      </ul>
      <p class="hint">{t('privacy.notIncluded')}</p>
      <div class="stack">
        <a class="button button-primary" href={`${URL}?format=pdf`} download>
          {t('privacy.downloadPdf')}
        </a>
        <a class="button" href={URL} download>
          {t('privacy.downloadJson')}
        </a>
      </div>
      <p class="hint">{t('privacy.keepSafe')}</p>
    </Screen>
  );
}
