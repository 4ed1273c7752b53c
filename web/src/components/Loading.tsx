import { t } from '../i18n/i18n.ts';
import { Alert } from './Alert.tsx';

export function Loading() {
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

export function LoadError(props: { message: string; retry: () => void }) {
  return (
    <div class="stack">
      <Alert message={props.message} />
      <button type="button" class="button" onClick={props.retry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
