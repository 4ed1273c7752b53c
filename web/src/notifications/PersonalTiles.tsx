import { useEffect } from 'preact/hooks';
import { formatNumber, t } from '../i18n/i18n.ts';
import { useStore } from '../state/store.ts';
import { refreshUnread, unread } from './unread.ts';
import './notifications.css';

const PATHS = {
  notebook: 'M6 3h11a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H6zM9 3v18M12 8h4M12 12h4',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
  guide: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5v.01',
} as const;

function Glyph(props: { name: keyof typeof PATHS }) {
  return (
    <svg
      class="personal-icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={PATHS[props.name]} />
    </svg>
  );
}

function PersonalTile(props: {
  href: string;
  icon: keyof typeof PATHS;
  title: string;
  hint: string;
  badge?: number | null;
}) {
  const count = props.badge ?? 0;
  return (
    <li>
      <a class="tile" href={props.href}>
        <Glyph name={props.icon} />
        <span class="tile-text">
          <span class="tile-title">{props.title}</span>
          <span class="tile-hint">{props.hint}</span>
        </span>
        {count > 0 && (
          <span class="nt-badge" aria-label={t('notify.unread', { count })}>
            {count > 99 ? '99+' : formatNumber(count)}
          </span>
        )}
      </a>
    </li>
  );
}

/** The member's own tiles on the home screen: notebook, notifications with the unread badge, user guide. */
export function PersonalTiles() {
  const count = useStore(unread);
  useEffect(() => {
    void refreshUnread();
  }, []);
  return (
    <>
      <PersonalTile
        href="/notifications"
        icon="bell"
        title={t('notify.title')}
        hint={t('notify.tileHint')}
        badge={count}
      />
      <PersonalTile
        href="/notebook"
        icon="notebook"
        title={t('notebook.title')}
        hint={t('notebook.tileHint')}
      />
      <PersonalTile href="/guides" icon="guide" title={t('guide.title')} hint={t('guide.tileHint')} />
    </>
  );
}
