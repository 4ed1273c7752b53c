import type { Migration } from 'kysely';
import type { Feature } from '../platform/http/types.ts';
import { orgMigrations } from '../features/orgs/migrations.ts';
import { memberMigrations } from '../features/members/migrations.ts';
import { authMigrations } from '../platform/auth/migrations.ts';
import { auditMigrations } from '../platform/audit/migrations.ts';
import { orgRoutes } from '../features/orgs/routes.ts';
import { memberRoutes } from '../features/members/routes.ts';
import { accountRoutes } from '../features/accounts/routes.ts';
import { accountAdminRoutes } from '../features/accounts/admin-routes.ts';
import { auditRoutes } from '../features/audit/routes.ts';
import { twoFactorMigrations } from '../features/two-factor/migrations.ts';
import { twoFactorRoutes } from '../features/two-factor/routes.ts';
import { privacyFeature } from '../features/privacy/feature.ts';
import { systemFeature } from '../platform/jobs/feature.ts';
import { notebookMigrations } from '../features/notebook/migrations.ts';
import { notebookRoutes } from '../features/notebook/routes.ts';
import { notificationsFeature } from '../features/notifications/feature.ts';
import { guidesFeature } from '../features/guides/feature.ts';
import { searchMigrations } from '../features/search/migrations.ts';
import { searchRoutes } from '../features/search/routes.ts';
import { speechRoutes } from '../features/speech/routes.ts';
import { documentsFeature } from '../features/documents/feature.ts';
import { newsFeature } from '../features/news/feature.ts';
import { exchangeFeature } from '../features/exchange/feature.ts';
import { meetingMigrations } from '../features/meetings/migrations.ts';
import { meetingRoutes } from '../features/meetings/routes.ts';
import { reportMigrations } from '../features/reports/migrations.ts';
import { reportRoutes } from '../features/reports/routes.ts';
import { petitionsFeature } from '../features/petitions/feature.ts';
import { assistantFeature } from '../features/assistant/feature.ts';
import { tasksFeature } from '../features/tasks/feature.ts';
import { supervisionFeature } from '../features/supervision/feature.ts';
import { calendarFeature } from '../features/calendar/feature.ts';
import { consultationsFeature } from '../features/consultations/feature.ts';
import { quizzesFeature } from '../features/quizzes/feature.ts';
import { studyFeature } from '../features/study/feature.ts';
import { membersPersonalData } from '../features/members/personal-data.ts';
import { accountsPersonalData } from '../features/accounts/personal-data.ts';
import { auditPersonalData } from '../features/audit/personal-data.ts';
import { twoFactorPersonalData } from '../features/two-factor/personal-data.ts';
import { notebookPersonalData } from '../features/notebook/personal-data.ts';
import { notificationsPersonalData } from '../features/notifications/personal-data.ts';
import { documentsPersonalData } from '../features/documents/personal-data.ts';
import { newsPersonalData } from '../features/news/personal-data.ts';
import { exchangePersonalData } from '../features/exchange/personal-data.ts';
import { meetingsPersonalData } from '../features/meetings/personal-data.ts';
import { reportsPersonalData } from '../features/reports/personal-data.ts';
import { petitionsPersonalData } from '../features/petitions/personal-data.ts';
import { tasksPersonalData } from '../features/tasks/personal-data.ts';
import { calendarPersonalData } from '../features/calendar/personal-data.ts';
import { consultationsPersonalData } from '../features/consultations/personal-data.ts';
import { quizzesPersonalData } from '../features/quizzes/personal-data.ts';
import { studyPersonalData } from '../features/study/personal-data.ts';

/**
 * The composition root: every capability is listed here once, with `personalData`, what it holds about a member
 * (the privacy feature's export and erasure; src/features/privacy/registry.test.ts checks none is missing).
 */
export const FEATURES: Feature[] = [
  { name: 'orgs', migrations: orgMigrations, routes: orgRoutes },
  { name: 'members', migrations: memberMigrations, routes: memberRoutes, personalData: membersPersonalData },
  { name: 'accounts', migrations: authMigrations, routes: accountRoutes, personalData: accountsPersonalData },
  { name: 'account-admin', routes: accountAdminRoutes },
  { name: 'audit', migrations: auditMigrations, routes: auditRoutes, personalData: auditPersonalData },
  {
    name: 'two-factor',
    migrations: twoFactorMigrations,
    routes: twoFactorRoutes,
    personalData: twoFactorPersonalData,
  },
  privacyFeature(() => FEATURES),
  systemFeature,
  {
    name: 'notebook',
    migrations: notebookMigrations,
    routes: notebookRoutes,
    personalData: notebookPersonalData,
  },
  { ...notificationsFeature, personalData: notificationsPersonalData },
  guidesFeature,
  { name: 'search', migrations: searchMigrations, routes: searchRoutes },
  { name: 'speech', routes: speechRoutes },
  { ...documentsFeature, personalData: documentsPersonalData },
  { ...newsFeature, personalData: newsPersonalData },
  { ...exchangeFeature, personalData: exchangePersonalData },
  {
    name: 'meetings',
    migrations: meetingMigrations,
    routes: meetingRoutes,
    personalData: meetingsPersonalData,
  },
  { name: 'reports', migrations: reportMigrations, routes: reportRoutes, personalData: reportsPersonalData },
  { ...petitionsFeature, personalData: petitionsPersonalData },
  assistantFeature,
  { ...tasksFeature, personalData: tasksPersonalData },
  supervisionFeature,
  { ...calendarFeature, personalData: calendarPersonalData },
  { ...consultationsFeature, personalData: consultationsPersonalData },
  { ...quizzesFeature, personalData: quizzesPersonalData },
  { ...studyFeature, personalData: studyPersonalData },
];

export function allMigrations(features: Feature[] = FEATURES): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const f of features) {
    for (const [name, m] of Object.entries(f.migrations ?? {})) {
      if (all[name]) throw new Error(`migration ${name} defined twice`);
      all[name] = m;
    }
  }
  return all;
}
