import { t } from '../i18n/i18n.ts';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'password';
  /** Show a password field's characters (one switch per form, see ShowPasswords). */
  reveal?: boolean;
  autocomplete?: string;
  hint?: string;
  required?: boolean;
  invalid?: boolean;
}

/** A labelled text input with an optional hint read out with it. */
export function Field(props: FieldProps) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const type = props.type === 'password' && !props.reveal ? 'password' : 'text';
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    onInput: (e: { currentTarget: HTMLInputElement }) => props.onInput(e.currentTarget.value),
    autocomplete: props.autocomplete,
    autocapitalize: 'off' as const,
    autocorrect: 'off' as const,
    spellcheck: false,
    required: props.required,
    'aria-invalid': props.invalid ? ('true' as const) : undefined,
    'aria-describedby': hintId,
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={hintId} class="hint">
          {props.hint}
        </p>
      )}
      {type === 'password' ? <input type="password" {...common} /> : <input type="text" {...common} />}
    </div>
  );
}

/** Shows the typed passwords: people who mistype on a small screen can check what they entered. */
export function ShowPasswords(props: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span>{t('login.showPassword')}</span>
    </label>
  );
}
