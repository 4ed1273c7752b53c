/**
 * A message region that exists before its message does, so screen readers announce changes reliably.
 * Errors interrupt (assertive); confirmations wait their turn (polite).
 */
export function Alert(props: {
  message: string | null | undefined;
  kind?: 'error' | 'success';
  id?: string;
}) {
  const kind = props.kind ?? 'error';
  return (
    <div
      id={props.id}
      class={props.message ? `alert alert-${kind}` : 'alert-empty'}
      role={kind === 'error' ? 'alert' : 'status'}
      aria-live={kind === 'error' ? 'assertive' : 'polite'}
    >
      {props.message}
    </div>
  );
}
