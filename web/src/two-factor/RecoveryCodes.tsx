import { t } from '../i18n/i18n.ts';

/** The recovery codes, shown once: the member is told plainly to keep them somewhere safe. */
export function RecoveryCodes(props: { codes: string[]; onDone: () => void; doneLabel: string }) {
  return (
    <section class="stack" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{t('twoFactor.codesTitle')}</h2>
      <p class="alert alert-success" role="status">
        {t('twoFactor.codesOnce')}
      </p>
      <p>{t('twoFactor.codesKeep')}</p>
      <ol class="two-factor-codes">
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <button type="button" class="button" onClick={() => void copy(props.codes)}>
        {t('twoFactor.copy')}
      </button>
      <button type="button" class="button button-primary" onClick={props.onDone}>
        {props.doneLabel}
      </button>
    </section>
  );
}

async function copy(codes: string[]): Promise<void> {
  try {
    await navigator.clipboard.writeText(codes.join('\n'));
  } catch {
    // No clipboard (insecure origin or refused): the codes stay on screen to write down.
  }
}
