import { Screen } from '../components/Screen.tsx';
import { t, type MessageKey } from '../i18n/i18n.ts';

/** The place a member section will occupy; it says plainly that there is no content yet. */
export function Feature(props: { title: MessageKey }) {
  return (
    <Screen title={t(props.title)}>
      <p>{t('feature.soon')}</p>
      <p>
        <a class="link-block" href="/">
          {t('nav.home')}
        </a>
      </p>
    </Screen>
  );
}

export function NotFound() {
  return (
    <Screen title={t('error.notFoundTitle')}>
      <p>{t('error.notFound')}</p>
      <p>
        <a class="link-block" href="/">
          {t('nav.home')}
        </a>
      </p>
    </Screen>
  );
}
