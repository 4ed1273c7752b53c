import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../api/client.ts';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; httpStatus: number }
  | { status: 'done'; value: T };

/** Runs a load when its keys change; ignores answers that arrive after the keys moved on. */
export function useAsync<T>(load: () => Promise<T>, keys: unknown[]): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (value) => live && setState({ status: 'done', value }),
      (error: unknown) =>
        live &&
        setState({
          status: 'error',
          message: errorMessage(error),
          httpStatus: (error as { status?: number }).status ?? 0,
        }),
    );
    return () => {
      live = false;
    };
  }, [...keys, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
