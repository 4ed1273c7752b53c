import { t } from '../i18n/i18n.ts';

/**
 * A link from a screen to the guide that explains it: `<GuideLink slug="diem-danh" />`. Slugs are the file
 * names in guides/ (stable; a test checks every slug used in the web app exists).
 */
export function GuideLink(props: { slug: string; title?: string }) {
  return (
    <p class="guide-link">
      <a class="link-block" href={`/guides/${props.slug}`}>
        {props.title ? t('guide.link', { title: props.title }) : t('guide.linkShort')}
      </a>
    </p>
  );
}
