/**
 * A guide is a Markdown file in `guides/`: a header of `key: value` lines between `---` lines (slug, title, roles,
 * screen, tags, summary, and `shot: <step> | <demo login or -> | <path>` lines for the screenshot script, where
 * `{org}` stands for the account's organisation), then an intro paragraph, numbered steps and an optional `> tip`.
 */
export const GUIDE_ROLES = ['member', 'secretary', 'committee', 'admin'] as const;
export type GuideRole = (typeof GUIDE_ROLES)[number];

export const GUIDE_ROLE_NAMES_VI: Record<GuideRole, string> = {
  member: 'Đảng viên',
  secretary: 'Bí thư, chi ủy chi bộ',
  committee: 'Cấp ủy cấp trên',
  admin: 'Quản trị, văn phòng cấp ủy',
};

export interface GuideShot {
  step: number;
  /** Demo login to sign in as, or null for the signed-out app. */
  login: string | null;
  path: string;
}

export interface Guide {
  slug: string;
  title: string;
  roles: GuideRole[];
  /** The screen the guide explains (where `<GuideLink>` points from). */
  screen: string;
  tags: string[];
  summary: string;
  intro: string;
  steps: string[];
  tip: string | null;
  shots: GuideShot[];
}

export class GuideFormatError extends Error {}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function parseGuide(text: string, file = 'guide'): Guide {
  const src = text.normalize('NFC').replace(/\r\n/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(src);
  if (!m) throw new GuideFormatError(`${file}: missing --- header`);
  const head = new Map<string, string>();
  const shots: GuideShot[] = [];
  for (const line of m[1]!.split('\n')) {
    const kv = /^(\w+):\s*(.*)$/.exec(line);
    if (!kv) continue;
    if (kv[1] === 'shot') {
      const [step, login, path] = kv[2]!.split('|').map((s) => s.trim());
      if (!step || !login || !path?.startsWith('/'))
        throw new GuideFormatError(`${file}: bad shot line "${line}"`);
      shots.push({ step: Number(step), login: login === '-' ? null : login, path });
    } else head.set(kv[1]!, kv[2]!.trim());
  }
  const slug = head.get('slug') ?? '';
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) throw new GuideFormatError(`${file}: bad slug "${slug}"`);
  const roles = list(head.get('roles'));
  for (const r of roles) {
    if (!(GUIDE_ROLES as readonly string[]).includes(r))
      throw new GuideFormatError(`${file}: unknown role ${r}`);
  }
  const intro: string[] = [];
  const steps: string[] = [];
  let tip: string | null = null;
  for (const line of m[2]!.split('\n')) {
    const step = /^\d+\.\s+(.*)$/.exec(line);
    if (step) steps.push(step[1]!.trim());
    else if (line.startsWith('> ')) tip = line.slice(2).trim();
    else if (line.trim() && steps.length === 0) intro.push(line.trim());
  }
  const title = head.get('title') ?? '';
  if (!title || steps.length === 0 || roles.length === 0) {
    throw new GuideFormatError(`${file}: a guide needs a title, roles and numbered steps`);
  }
  for (const s of shots) {
    if (s.step < 1 || s.step > steps.length)
      throw new GuideFormatError(`${file}: shot for missing step ${s.step}`);
  }
  return {
    slug,
    title,
    roles: roles as GuideRole[],
    screen: head.get('screen') ?? '/',
    tags: list(head.get('tags')),
    summary: head.get('summary') ?? intro.join(' '),
    intro: intro.join(' '),
    steps,
    tip,
    shots,
  };
}
