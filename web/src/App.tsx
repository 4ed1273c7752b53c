import type { Me } from './api/types.ts';
import { Lazy } from './components/Lazy.tsx';
import { Loading } from './components/Loading.tsx';
import { locale, t } from './i18n/i18n.ts';
import { location, matchPath } from './router.ts';
import { Feature, NotFound } from './screens/Feature.tsx';
import { ForcedPasswordChange } from './screens/ForcedPasswordChange.tsx';
import { Home } from './screens/Home.tsx';
import { Login } from './screens/Login.tsx';
import { Profile } from './screens/Profile.tsx';
import { Settings } from './screens/Settings.tsx';
import { Unreachable } from './screens/Unreachable.tsx';
import { session } from './state/session.ts';
import { useStore } from './state/store.ts';

// Committee screens: fetched only when opened (see scripts/web-budget.mjs for the members' budget).
const loadOrgBrowser = () => import('./committee/OrgBrowser.tsx');
const loadMemberList = () => import('./committee/MemberList.tsx');
const loadMemberImport = () => import('./committee/MemberImport.tsx');
const loadListen = () => import('./speech/Listen.tsx');
const loadMeetingList = () => import('./meetings/MeetingList.tsx');
const loadMeetingDetail = () => import('./meetings/MeetingDetail.tsx');
const loadMeetingPrepare = () => import('./meetings/Prepare.tsx');
const loadMeetingLive = () => import('./meetings/Live.tsx');
const loadMeetingMinutes = () => import('./meetings/Minutes.tsx');

function signedInScreen(me: Me, path: string, query: URLSearchParams) {
  if (path === '/') return <Home me={me} />;
  if (path === '/login') {
    // Signed in already (e.g. a bookmarked sign-in page): show home under its own address.
    history.replaceState(null, '', '/');
    return <Home me={me} />;
  }
  if (path === '/profile') return <Profile me={me} />;
  if (path === '/settings') return <Settings signedIn />;
  if (path === '/meetings') return <Lazy load={loadMeetingList} props={{ me }} />;
  for (const [suffix, load] of [
    ['', loadMeetingDetail],
    ['/prepare', loadMeetingPrepare],
    ['/live', loadMeetingLive],
    ['/minutes', loadMeetingMinutes],
  ] as const) {
    const meeting = matchPath(`/meetings/:id${suffix}`, path);
    if (meeting) return <Lazy key={path} load={load} props={{ meetingId: meeting.id as string }} />;
  }
  if (path === '/news') return <Feature title="tile.news" />;
  if (path === '/documents') return <Feature title="tile.documents" />;
  if (path === '/tasks') return <Feature title="tile.tasks" />;
  if (path === '/listen') return <Lazy load={loadListen} props={{}} />;
  let params = matchPath('/orgs/:id', path);
  if (params) return <Lazy key={path} load={loadOrgBrowser} props={{ orgId: params.id as string }} />;
  params = matchPath('/orgs/:id/members', path);
  if (params) return <Lazy key={path} load={loadMemberList} props={{ orgId: params.id as string, query }} />;
  params = matchPath('/orgs/:id/import', path);
  if (params) return <Lazy key={path} load={loadMemberImport} props={{ orgId: params.id as string, me }} />;
  return <NotFound />;
}

function Header(props: { signedIn: boolean }) {
  return (
    <header class="app-header">
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <div class="bar">
        <a class="brand" href="/">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </a>
        <nav aria-label={t('app.mainNav')}>
          <ul>
            {props.signedIn && (
              <li>
                <a href="/profile">{t('nav.profile')}</a>
              </li>
            )}
            <li>
              <a href="/settings">{t('nav.settings')}</a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function App() {
  useStore(locale);
  const state = useStore(session);
  const { path, query } = useStore(location);

  let content;
  if (state.status === 'loading') content = <Loading />;
  else if (state.status === 'unreachable')
    content = path === '/settings' ? <Settings signedIn={false} /> : <Unreachable message={state.message} />;
  else if (state.status === 'anonymous')
    content = path === '/settings' ? <Settings signedIn={false} /> : <Login />;
  // Until the one-time password is replaced only the display settings (and signing out) stay reachable.
  else if (state.me.account.mustChangePassword)
    content = path === '/settings' ? <Settings signedIn /> : <ForcedPasswordChange />;
  else content = signedInScreen(state.me, path, query);

  const signedIn = state.status === 'ready' && !state.me.account.mustChangePassword;
  return (
    <>
      <Header signedIn={signedIn} />
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </>
  );
}
