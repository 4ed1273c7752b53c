import { Icon, type IconName } from './Icon.tsx';

/** A large navigation tile: the whole card is one link with a title and a short hint. */
export function Tile(props: { href: string; title: string; hint: string; icon: IconName }) {
  return (
    <li>
      <a class="tile" href={props.href}>
        <Icon name={props.icon} />
        <span class="tile-text">
          <span class="tile-title">{props.title}</span>
          <span class="tile-hint">{props.hint}</span>
        </span>
      </a>
    </li>
  );
}
