import type { Me } from '../api/types.ts';
import { Screen } from '../components/Screen.tsx';
import { formatDate, t, tEnum, type MessageKey } from '../i18n/i18n.ts';

function Row(props: { label: MessageKey; value: string | null | undefined }) {
  return (
    <div class="pair">
      <dt>{t(props.label)}</dt>
      <dd>{props.value || <span class="muted">{t('profile.none')}</span>}</dd>
    </div>
  );
}

export function Profile(props: { me: Me }) {
  const { account, member, roles } = props.me;
  return (
    <Screen title={t('profile.title')}>
      {member ? (
        <dl class="pairs">
          <Row label="profile.fullName" value={member.fullName} />
          <Row label="profile.org" value={member.orgName} />
          <Row label="profile.position" value={member.position} />
          <Row label="profile.kind" value={tEnum('kind', member.kind)} />
          <Row label="profile.status" value={tEnum('status', member.status)} />
          <Row label="profile.cardNumber" value={member.cardNumber} />
          <Row label="profile.admittedAt" value={formatDate(member.admittedOn)} />
          <Row label="profile.fullMemberAt" value={formatDate(member.fullMemberOn)} />
          <Row label="profile.gender" value={tEnum('gender', member.gender)} />
          <Row label="profile.birthDate" value={formatDate(member.birthDate)} />
          <Row label="profile.phone" value={member.phone} />
        </dl>
      ) : (
        <p>{t('profile.noMember')}</p>
      )}
      <h2>{t('profile.account')}</h2>
      <dl class="pairs">
        <Row label="profile.login" value={account.login} />
      </dl>
      <p>
        <a class="link-block" href="/settings/two-factor">
          {t('twoFactor.profileLink')}
        </a>
      </p>
      <p>
        <a class="link-block" href="/settings/personal-data">
          {t('privacy.link')}
        </a>
      </p>
      {roles.some((r) => r.role === 'admin' && r.orgPath.split('/').filter(Boolean).length === 1) && (
        <p>
          <a class="link-block" href="/settings/retention">
            {t('retention.link')}
          </a>
        </p>
      )}
      {roles.length > 0 && (
        <>
          <h2>{t('profile.roles')}</h2>
          <ul class="plain-list">
            {roles.map((r) => (
              <li key={`${r.role}:${r.orgId}`}>
                <strong>{tEnum('role', r.role)}</strong> — {r.orgName}
              </li>
            ))}
          </ul>
        </>
      )}
    </Screen>
  );
}
