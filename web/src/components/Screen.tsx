import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';

let firstScreen = true;

/**
 * One screen: its single h1 and the document title. After in-app navigation the heading takes focus, so
 * a screen reader announces the new screen and keyboard users start from its top.
 */
export function Screen(props: {
  title: string;
  /** Shown above the heading, e.g. breadcrumbs. */
  before?: ComponentChildren;
  lead?: ComponentChildren;
  children?: ComponentChildren;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · ${t('app.name')}`;
  }, [props.title]);
  useEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <>
      {props.before}
      <h1 ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.lead}
      {props.children}
    </>
  );
}
