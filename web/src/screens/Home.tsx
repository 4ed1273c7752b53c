import type { Me } from '../api/types.ts';
import { Screen } from '../components/Screen.tsx';
import { Tile } from '../components/Tile.tsx';
import { t } from '../i18n/i18n.ts';
import { committeeScopes } from '../state/roles.ts';
import { PersonalTiles } from '../notifications/PersonalTiles.tsx';

/** Navigation by role: every member gets the four daily sections; committees also get their organisation work. */
export function Home(props: { me: Me }) {
  const { me } = props;
  const name = me.member?.fullName ?? me.account.login;
  const scopes = committeeScopes(me.roles);
  return (
    <Screen
      title={t('home.greeting', { name })}
      lead={me.member && <p class="lead">{t('home.memberOf', { org: me.member.orgName })}</p>}
    >
      <section aria-labelledby="home-member">
        <h2 id="home-member">{t('home.member')}</h2>
        <ul class="tiles">
          <Tile href="/meetings" icon="meetings" title={t('tile.meetings')} hint={t('tile.meetingsHint')} />
          <Tile href="/news" icon="news" title={t('tile.news')} hint={t('tile.newsHint')} />
          <Tile
            href="/documents"
            icon="documents"
            title={t('tile.documents')}
            hint={t('tile.documentsHint')}
          />
          <Tile href="/tasks" icon="tasks" title={t('tile.tasks')} hint={t('tile.tasksHint')} />
          <Tile href="/calendar" icon="meetings" title={t('calendar.tile')} hint={t('calendar.tileHint')} />
          <Tile href="/exchange" icon="documents" title={t('exchange.title')} hint={t('exchange.inbox')} />
          <PersonalTiles />
          <Tile href="/study" icon="documents" title={t('quiz.title')} hint={t('quiz.tileHint')} />
          <Tile href="/search" icon="documents" title={t('search.title')} hint={t('search.tileHint')} />
          <Tile href="/listen" icon="news" title={t('speech.tile')} hint={t('speech.tileHint')} />
          <Tile
            href="/consultations"
            icon="petitions"
            title={t('consultation.title')}
            hint={t('consultation.tileHint')}
          />
          <Tile
            href="/assistant"
            icon="assistant"
            title={t('assistant.title')}
            hint={t('assistant.tileHint')}
          />
          {me.member && (
            <Tile
              href="/petitions"
              icon="petitions"
              title={t('petition.title')}
              hint={t('petition.tileHint')}
            />
          )}
        </ul>
      </section>
      {scopes.map((scope) => {
        const base = `/orgs/${encodeURIComponent(scope.orgId)}`;
        const headingId = `home-scope-${scope.orgId}`;
        return (
          <section key={scope.orgId} aria-labelledby={headingId}>
            <h2 id={headingId}>{t('home.committee', { org: scope.orgName })}</h2>
            <ul class="tiles">
              <Tile href={base} icon="orgs" title={t('tile.orgs')} hint={t('tile.orgsHint')} />
              <Tile
                href={`${base}/members`}
                icon="members"
                title={t('tile.members')}
                hint={t('tile.membersHint')}
              />
              <Tile
                href={`${base}/reports`}
                icon="tasks"
                title={t('report.tile')}
                hint={t('report.tileHint')}
              />
              <Tile
                href={`${base}/petitions`}
                icon="petitions"
                title={t('petition.inboxTitle')}
                hint={t('petition.inboxHint')}
              />
              <Tile
                href={`${base}/supervision`}
                icon="tasks"
                title={t('sup.tile')}
                hint={t('sup.tileHint')}
              />
              <Tile
                href={`${base}/tasks`}
                icon="tasks"
                title={t('tasks.orgTile')}
                hint={t('tasks.orgTileHint')}
              />
              <Tile
                href={`${base}/study`}
                icon="documents"
                title={t('quizAdmin.tile')}
                hint={t('quizAdmin.tileHint')}
              />
              {scope.canImport && (
                <Tile
                  href={`${base}/import`}
                  icon="import"
                  title={t('tile.import')}
                  hint={t('tile.importHint')}
                />
              )}
            </ul>
          </section>
        );
      })}
    </Screen>
  );
}
