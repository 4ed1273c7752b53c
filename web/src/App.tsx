import type { Me } from './api/types.ts';
import { Lazy } from './components/Lazy.tsx';
import { Loading } from './components/Loading.tsx';
import { locale, t } from './i18n/i18n.ts';
import { location, matchPath } from './router.ts';
import { NotFound } from './screens/Feature.tsx';
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
const loadNotebookList = () => import('./notebook/NotebookList.tsx');
const loadNoteEditor = () => import('./notebook/NoteEditor.tsx');
const loadInbox = () => import('./notifications/Inbox.tsx');
const loadNotificationSettings = () => import('./notifications/NotificationSettings.tsx');
const loadGuideList = () => import('./guides/GuideList.tsx');
const loadGuidePage = () => import('./guides/GuidePage.tsx');
const loadListen = () => import('./speech/Listen.tsx');
const loadSearch = () => import('./search/Search.tsx');
const loadMeetingList = () => import('./meetings/MeetingList.tsx');
const loadPetitionList = () => import('./petitions/PetitionList.tsx');
const loadMyTasks = () => import('./tasks/MyTasks.tsx');
const loadTaskDetail = () => import('./tasks/TaskDetailScreen.tsx');
const loadOrgTasks = () => import('./tasks/OrgTasks.tsx');
const loadCalendar = () => import('./calendar/Calendar.tsx');
const loadSupervision = () => import('./supervision/Supervision.tsx');
const loadAssistant = () => import('./assistant/Assistant.tsx');
const loadConsultationList = () => import('./consultations/ConsultationList.tsx');
const loadConsultationDetail = () => import('./consultations/ConsultationDetail.tsx');
const loadNewPetition = () => import('./petitions/NewPetition.tsx');
const loadPetitionDetail = () => import('./petitions/PetitionDetail.tsx');
const loadPetitionInbox = () => import('./petitions/PetitionInbox.tsx');
const loadMeetingDetail = () => import('./meetings/MeetingDetail.tsx');
const loadMeetingPrepare = () => import('./meetings/Prepare.tsx');
const loadMeetingLive = () => import('./meetings/Live.tsx');
const loadMeetingMinutes = () => import('./meetings/Minutes.tsx');
const loadReportsHome = () => import('./reports/ReportsHome.tsx');
const loadReportEntry = () => import('./reports/ReportEntry.tsx');
const loadReportReview = () => import('./reports/ReportReview.tsx');
const loadReportTotals = () => import('./reports/ReportTotals.tsx');
const loadNarratives = () => import('./reports/Narratives.tsx');
const loadReportAdmin = () => import('./reports/ReportAdmin.tsx');
const loadIndicatorForm = () => import('./reports/IndicatorForm.tsx');
const loadTemplateForm = () => import('./reports/TemplateForm.tsx');
const loadAssignmentForm = () => import('./reports/AssignmentForm.tsx');
const loadNewsFeed = () => import('./news/NewsFeed.tsx');
const loadNewsArticle = () => import('./news/NewsArticle.tsx');
const loadNewsEditor = () => import('./news/NewsEditor.tsx');
const loadNewsManage = () => import('./news/NewsManage.tsx');
const loadDocumentLibrary = () => import('./documents/DocumentLibrary.tsx');
const loadDocumentPage = () => import('./documents/DocumentPage.tsx');
const loadPublishDocument = () => import('./documents/PublishDocument.tsx');
const loadExchangeBox = () => import('./exchange/ExchangeBox.tsx');
const loadExchangeMessage = () => import('./exchange/ExchangeMessage.tsx');
const loadExchangeCompose = () => import('./exchange/ExchangeCompose.tsx');
const loadSecondStep = () => import('./two-factor/SecondStep.tsx');
const loadTwoFactorSettings = () => import('./two-factor/TwoFactorSettings.tsx');
const loadMyData = () => import('./privacy/MyData.tsx');
const loadRetention = () => import('./privacy/Retention.tsx');
const loadEraseMember = () => import('./privacy/EraseMember.tsx');
const loadStudyHome = () => import('./quizzes/StudyHome.tsx');
const loadStudyAssignment = () => import('./quizzes/StudyAssignment.tsx');
const loadPractice = () => import('./quizzes/Practice.tsx');
const loadContest = () => import('./quizzes/Contest.tsx');
const loadQuizReview = () => import('./quizzes/Review.tsx');
const loadCommitteeStudy = () => import('./quizzes/CommitteeStudy.tsx');
const loadNewAssignment = () => import('./quizzes/NewAssignment.tsx');
const loadNewContest = () => import('./quizzes/NewContest.tsx');

/** News and documents: also readable without a network, from the copies kept on the device. */
function contentScreen(me: Me | null, path: string, query: URLSearchParams) {
  if (path === '/news') return <Lazy key={path} load={loadNewsFeed} props={{ me, query }} />;
  if (path === '/news/new' && me) return <Lazy key={path} load={loadNewsEditor} props={{ me }} />;
  if (path === '/news/manage' && me) return <Lazy key={path} load={loadNewsManage} props={{}} />;
  const newsEdit = matchPath('/news/:id/edit', path);
  if (newsEdit && me)
    return <Lazy key={path} load={loadNewsEditor} props={{ me, newsId: newsEdit.id as string }} />;
  const news = matchPath('/news/:id', path);
  if (news) return <Lazy key={path} load={loadNewsArticle} props={{ newsId: news.id as string }} />;
  if (path === '/documents/new' && me) return <Lazy key={path} load={loadPublishDocument} props={{ me }} />;
  if (path === '/documents') return <Lazy key={path} load={loadDocumentLibrary} props={{ query, me }} />;
  const doc = matchPath('/documents/:id', path);
  if (doc) return <Lazy key={path} load={loadDocumentPage} props={{ documentId: doc.id as string, me }} />;
  return null;
}

function signedInScreen(me: Me, path: string, query: URLSearchParams) {
  if (path === '/') return <Home me={me} />;
  if (path === '/login') {
    // Signed in already (e.g. a bookmarked sign-in page): show home under its own address.
    history.replaceState(null, '', '/');
    return <Home me={me} />;
  }
  if (path === '/profile') return <Profile me={me} />;
  if (path === '/settings') return <Settings signedIn />;
  if (path === '/settings/two-factor') return <Lazy key={path} load={loadTwoFactorSettings} props={{}} />;
  if (path === '/settings/personal-data') return <Lazy key={path} load={loadMyData} props={{}} />;
  if (path === '/settings/retention') return <Lazy key={path} load={loadRetention} props={{}} />;
  const erase = matchPath('/members/:id/erase', path);
  if (erase) return <Lazy key={path} load={loadEraseMember} props={{ memberId: erase.id as string }} />;
  if (path === '/notebook') return <Lazy key={path} load={loadNotebookList} props={{ query }} />;
  const note = matchPath('/notebook/:id', path);
  if (note)
    return (
      <Lazy
        key={path}
        load={loadNoteEditor}
        props={{ noteId: note.id === 'new' ? null : (note.id as string) }}
      />
    );
  if (path === '/notifications') return <Lazy key={path} load={loadInbox} props={{}} />;
  if (path === '/settings/notifications')
    return <Lazy key={path} load={loadNotificationSettings} props={{}} />;
  if (path === '/guides') return <Lazy key={path} load={loadGuideList} props={{ query }} />;
  const guide = matchPath('/guides/:slug', path);
  if (guide) return <Lazy key={path} load={loadGuidePage} props={{ slug: guide.slug as string }} />;
  if (path === '/consultations') return <Lazy key={path} load={loadConsultationList} props={{}} />;
  const consultation = matchPath('/consultations/:id', path);
  if (consultation)
    return (
      <Lazy key={path} load={loadConsultationDetail} props={{ consultationId: consultation.id as string }} />
    );
  if (path === '/assistant') return <Lazy key={path} load={loadAssistant} props={{ query }} />;
  if (path === '/petitions') return <Lazy key={path} load={loadPetitionList} props={{}} />;
  if (path === '/petitions/new') return <Lazy key={path} load={loadNewPetition} props={{}} />;
  const petition = matchPath('/petitions/:id', path);
  if (petition)
    return <Lazy key={path} load={loadPetitionDetail} props={{ petitionId: petition.id as string }} />;
  const petitionInbox = matchPath('/orgs/:id/petitions', path);
  if (petitionInbox)
    return <Lazy key={path} load={loadPetitionInbox} props={{ orgId: petitionInbox.id as string }} />;
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
  const content = contentScreen(me, path, query);
  if (content) return content;
  if (path === '/exchange') return <Lazy key={path} load={loadExchangeBox} props={{ me, query }} />;
  if (path === '/exchange/new') return <Lazy key={path} load={loadExchangeCompose} props={{ me, query }} />;
  const exchange = matchPath('/exchange/:id', path);
  if (exchange)
    return <Lazy key={path} load={loadExchangeMessage} props={{ messageId: exchange.id as string }} />;
  if (path === '/tasks') return <Lazy key={path} load={loadMyTasks} props={{}} />;
  if (path === '/calendar') return <Lazy key={path} load={loadCalendar} props={{ query }} />;
  const task = matchPath('/tasks/:id', path);
  if (task) return <Lazy key={path} load={loadTaskDetail} props={{ taskId: task.id as string }} />;
  const orgTasks = matchPath('/orgs/:id/tasks', path);
  if (orgTasks) return <Lazy key={path} load={loadOrgTasks} props={{ orgId: orgTasks.id as string }} />;
  const supervision = matchPath('/orgs/:id/supervision', path);
  if (supervision)
    return <Lazy key={path} load={loadSupervision} props={{ orgId: supervision.id as string, query }} />;
  if (path === '/listen') return <Lazy load={loadListen} props={{}} />;
  if (path === '/study') return <Lazy key={path} load={loadStudyHome} props={{}} />;
  for (const [suffix, load] of [
    ['/study', loadCommitteeStudy],
    ['/study/new', loadNewAssignment],
    ['/contests/new', loadNewContest],
  ] as const) {
    const studyAdmin = matchPath(`/orgs/:id${suffix}`, path);
    if (studyAdmin) return <Lazy key={path} load={load} props={{ orgId: studyAdmin.id as string }} />;
  }
  const quizRoute =
    matchPath('/study/:id', path) ??
    matchPath('/quiz/practice/:id', path) ??
    matchPath('/contests/:id', path) ??
    matchPath('/quiz/review/:id', path);
  if (quizRoute) {
    const id = quizRoute.id as string;
    if (path.startsWith('/study/'))
      return <Lazy key={path} load={loadStudyAssignment} props={{ assignmentId: id }} />;
    if (path.startsWith('/quiz/practice/'))
      return <Lazy key={path} load={loadPractice} props={{ documentId: id }} />;
    if (path.startsWith('/contests/'))
      return <Lazy key={path} load={loadContest} props={{ contestId: id }} />;
    return <Lazy key={path} load={loadQuizReview} props={{ documentId: id }} />;
  }
  if (path === '/search') return <Lazy load={loadSearch} props={{ query }} />;
  const narrative = matchPath('/narratives/:id', path);
  if (narrative)
    return <Lazy key={path} load={loadNarratives} props={{ narrativeId: narrative.id as string }} />;
  const narratives = matchPath('/orgs/:id/narratives', path);
  if (narratives) return <Lazy key={path} load={loadNarratives} props={{ orgId: narratives.id as string }} />;
  const reportPage = matchPath('/reports/:id', path);
  if (reportPage)
    return <Lazy key={path} load={loadReportEntry} props={{ reportId: reportPage.id as string }} />;
  for (const [suffix, load] of [
    ['', loadReportsHome],
    ['/review', loadReportReview],
    ['/totals', loadReportTotals],
    ['/admin', loadReportAdmin],
    ['/indicators/new', loadIndicatorForm],
    ['/templates/new', loadTemplateForm],
    ['/assignments/new', loadAssignmentForm],
  ] as const) {
    const reports = matchPath(`/orgs/:id/reports${suffix}`, path);
    if (reports) return <Lazy key={path} load={load} props={{ orgId: reports.id as string }} />;
  }
  for (const [kind, load] of [
    ['indicators', loadIndicatorForm],
    ['templates', loadTemplateForm],
  ] as const) {
    const edit = matchPath(`/orgs/:id/reports/${kind}/:code`, path);
    if (edit)
      return <Lazy key={path} load={load} props={{ orgId: edit.id as string, code: edit.code as string }} />;
  }
  let params = matchPath('/orgs/:id', path);
  if (params) return <Lazy key={path} load={loadOrgBrowser} props={{ orgId: params.id as string }} />;
  params = matchPath('/orgs/:id/members', path);
  if (params)
    return <Lazy key={path} load={loadMemberList} props={{ orgId: params.id as string, query, me }} />;
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
        <a class="brand" href="/" aria-label={t('app.name')}>
          <img src="/favicon.svg" alt="" width="32" height="32" />
          {/* The short name on a phone keeps the bar on one row, signed in or not, so the page does not jump. */}
          <span class="brand-full">{t('app.name')}</span>
          <span class="brand-short">{t('app.nameShort')}</span>
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
    content =
      path === '/settings' ? (
        <Settings signedIn={false} />
      ) : (
        (contentScreen(null, path, query) ?? <Unreachable message={state.message} />)
      );
  else if (state.status === 'anonymous')
    content = path === '/settings' ? <Settings signedIn={false} /> : <Login />;
  // Password accepted but the second step not yet passed: only that step (and the display settings).
  else if (state.status === 'second-factor')
    content =
      path === '/settings' ? (
        <Settings signedIn={false} />
      ) : (
        <Lazy key={state.step} load={loadSecondStep} props={{ step: state.step }} />
      );
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
