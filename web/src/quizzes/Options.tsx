import { t } from '../i18n/i18n.ts';

/** Options as large radio buttons (one answer) or checkboxes (several); 44 px targets, labels wrap. */
export function Options(props: {
  name: string;
  kind: 'single' | 'multiple' | 'true_false';
  options: string[];
  chosen: number[];
  disabled?: boolean;
  correct?: number[];
  onChange: (chosen: number[]) => void;
}) {
  const multiple = props.kind === 'multiple';
  return (
    <fieldset class="quiz-options">
      <legend class="quiz-sr">{multiple ? t('quiz.chooseAll') : t('quiz.chooseOne')}</legend>
      {multiple && <p class="quiz-hint">{t('quiz.chooseAll')}</p>}
      {props.options.map((o, i) => {
        const checked = props.chosen.includes(i);
        const mark = props.correct
          ? props.correct.includes(i)
            ? 'quiz-right'
            : checked
              ? 'quiz-wrong'
              : ''
          : '';
        return (
          <label key={i} class={`quiz-option ${mark}`}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={props.name}
              checked={checked}
              disabled={props.disabled}
              onChange={() =>
                props.onChange(
                  multiple
                    ? checked
                      ? props.chosen.filter((c) => c !== i)
                      : [...props.chosen, i].sort()
                    : [i],
                )
              }
            />
            <span>{o}</span>
            {props.correct?.includes(i) && <span class="badge">{t('quiz.correctMark')}</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
