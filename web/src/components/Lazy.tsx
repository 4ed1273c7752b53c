import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import { LoadError, Loading } from './Loading.tsx';

type Loader<P> = () => Promise<{ default: ComponentType<P> }>;
const loaded = new Map<Loader<never>, ComponentType<never>>();

/**
 * Renders a component whose code is fetched on first use (a separate chunk), so committee screens do not
 * weigh on the members' first load.
 */
export function Lazy<P extends object>(props: { load: Loader<P>; props: P }) {
  const [Component, setComponent] = useState<ComponentType<P> | null>(
    () => (loaded.get(props.load as Loader<never>) as ComponentType<P> | undefined) ?? null,
  );
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Component) return;
    let live = true;
    props.load().then(
      (mod) => {
        loaded.set(props.load as Loader<never>, mod.default as ComponentType<never>);
        if (live) setComponent(() => mod.default);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [props.load]);
  if (Component) return <Component {...props.props} />;
  // Chunks are precached, so a failure usually means a new version replaced them on the server: reloading
  // fetches the new app (and its new chunk names) instead of asking again for a file that is gone.
  if (failed) return <LoadError message={t('error.screenLoad')} retry={() => window.location.reload()} />;
  return <Loading />;
}
