import fs from 'node:fs';
import path from 'node:path';
import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { allGuides, findGuide, screenshotFile, searchGuides, SCREENSHOTS_DIR } from './catalog.ts';
import { GUIDE_ROLES, GUIDE_ROLE_NAMES_VI, type Guide } from './parse.ts';

const tags = ['Hướng dẫn sử dụng'];
const Slug = Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-z0-9-]+$' });
const Summary = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  roles: Type.Array(Type.String()),
  screen: Type.String(),
});

function summary(g: Guide) {
  return { slug: g.slug, title: g.title, summary: g.summary, roles: g.roles, screen: g.screen };
}

/** Guides are public: people read how to sign in before they can sign in. */
export function guideRoutes(api: Api, _ctx: AppContext): void {
  api.get(
    '/api/v1/guides',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Danh sách hướng dẫn theo vai trò, hoặc kết quả tìm kiếm',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          role: Type.Optional(Type.Union(GUIDE_ROLES.map((r) => Type.Literal(r)))),
        }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            groups: Type.Array(
              Type.Object({ role: Type.String(), name: Type.String(), guides: Type.Array(Summary) }),
            ),
            results: Type.Union([Type.Array(Summary), Type.Null()]),
          }),
        },
      },
    },
    async (req) => {
      const guides = allGuides();
      const roles = req.query.role ? [req.query.role] : GUIDE_ROLES;
      const q = req.query.q?.trim();
      return {
        total: guides.length,
        groups: roles.map((role) => ({
          role,
          name: GUIDE_ROLE_NAMES_VI[role],
          guides: guides.filter((g) => g.roles.includes(role)).map(summary),
        })),
        results: q ? searchGuides(q, guides).map(summary) : null,
      };
    },
  );

  api.get(
    '/api/v1/guides/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Một hướng dẫn: các bước và ảnh màn hình',
        params: Type.Object({ slug: Slug }),
        response: {
          200: Type.Object({
            slug: Type.String(),
            title: Type.String(),
            summary: Type.String(),
            intro: Type.String(),
            roles: Type.Array(Type.Object({ role: Type.String(), name: Type.String() })),
            screen: Type.String(),
            tags: Type.Array(Type.String()),
            tip: Type.Union([Type.String(), Type.Null()]),
            steps: Type.Array(
              Type.Object({ text: Type.String(), screenshot: Type.Union([Type.String(), Type.Null()]) }),
            ),
            related: Type.Array(Summary),
          }),
        },
      },
    },
    async (req) => {
      const g = findGuide(req.params.slug);
      if (!g) throw notFound();
      const related = allGuides()
        .filter((o) => o.slug !== g.slug && o.roles.some((r) => g.roles.includes(r)) && o.screen === g.screen)
        .slice(0, 4);
      return {
        slug: g.slug,
        title: g.title,
        summary: g.summary,
        intro: g.intro,
        roles: g.roles.map((role) => ({ role, name: GUIDE_ROLE_NAMES_VI[role] })),
        screen: g.screen,
        tags: g.tags,
        tip: g.tip,
        steps: g.steps.map((text, i) => {
          const file = screenshotFile(g.slug, i + 1);
          return { text, screenshot: file ? `/api/v1/guide-screenshots/${file}` : null };
        }),
        related: related.map(summary),
      };
    },
  );

  api.get(
    '/api/v1/guide-screenshots/:file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Ảnh màn hình của một bước hướng dẫn',
        params: Type.Object({ file: Type.String({ pattern: '^[a-z0-9-]+-[0-9]+\\.png$', maxLength: 100 }) }),
      },
    },
    async (req, reply) => {
      const file = path.join(SCREENSHOTS_DIR, req.params.file);
      if (!fs.existsSync(file)) throw notFound();
      return reply
        .type('image/png')
        .header('Cache-Control', 'public, max-age=3600')
        .send(fs.createReadStream(file));
    },
  );
}
