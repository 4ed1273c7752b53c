import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';

/**
 * Time left, counted from the server's own "seconds remaining" when the paper was loaded (not the phone's
 * clock, which may be wrong); the server refuses late answers whatever this shows.
 */
export function Countdown(props: { remainingSeconds: number; loadedAt: number; onExpire: () => void }) {
  const left = () => Math.max(0, Math.round(props.remainingSeconds - (Date.now() - props.loadedAt) / 1000));
  const [secs, setSecs] = useState(left);
  useEffect(() => {
    const timer = setInterval(() => {
      const s = left();
      setSecs(s);
      if (s <= 0) {
        clearInterval(timer);
        props.onExpire();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [props.remainingSeconds, props.loadedAt]);
  const mm = String(Math.floor(secs / 60)).padStart(2, '0');
  const ss = String(secs % 60).padStart(2, '0');
  return (
    <p
      class={`quiz-timer ${secs <= 60 ? 'quiz-timer-low' : ''}`}
      aria-label={t('quiz.timeLeftLabel', { m: Math.floor(secs / 60), s: secs % 60 })}
    >
      <span class="quiz-timer-label" aria-hidden="true">
        {t('quiz.remaining')}{' '}
      </span>
      <span class="quiz-timer-value" data-testid="timer">
        {mm}:{ss}
      </span>
    </p>
  );
}
