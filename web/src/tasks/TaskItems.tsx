import { formatDate, t } from '../i18n/i18n.ts';
import { stateLabel, type Task } from './types.ts';
import './tasks.css';

/** Task rows: title, owner, deadline, a progress bar and the state (late ones stand out). */
export function TaskItems(props: { items: Task[] }) {
  if (props.items.length === 0) return <p>{t('tasks.none')}</p>;
  return (
    <ul class="list">
      {props.items.map((task) => (
        <li key={task.id}>
          <a class="list-link" href={`/tasks/${encodeURIComponent(task.id)}`}>
            <span class="list-text">
              <span class="list-title">{task.title}</span>
              <span class="list-meta">
                {' '}
                {task.ownerName} · {task.deadline ? t('tasks.due', { date: formatDate(task.deadline) }) : ''}
              </span>
              <span class="task-bar" aria-hidden="true">
                <span style={{ width: `${task.progress}%` }} />
              </span>
            </span>
            <span class="badges">
              <span class={`badge task-${task.state}`}>{stateLabel(task.state)}</span>
              <span class="badge">{Math.round(task.progress)}%</span>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
