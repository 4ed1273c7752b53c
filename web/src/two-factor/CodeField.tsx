/** The six digits from the authenticator app, or a recovery code: a numeric keypad and the phone's autofill. */
export function CodeField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onInput: (value: string) => void;
  recovery?: boolean;
  invalid?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={hintId} class="hint">
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        name={props.id}
        class="two-factor-code"
        type="text"
        inputMode={props.recovery ? 'text' : 'numeric'}
        autocomplete="one-time-code"
        autocapitalize="off"
        autocorrect="off"
        spellcheck={false}
        maxLength={props.recovery ? 24 : 12}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={hintId}
        required
      />
    </div>
  );
}

/** Spaces people type between digit groups are dropped before sending. */
export function cleanCode(value: string): string {
  return value.replace(/\s+/g, '');
}
