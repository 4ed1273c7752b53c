import type { AppContext } from '../platform/context.ts';
import { mutate } from '../platform/context.ts';
import { findOrgs, type Org } from '../features/orgs/queries.ts';
import { createNews } from '../features/news/service.ts';
import { createDocument } from '../features/documents/service.ts';
import { DEMO_DOCUMENTS, DEMO_NEWS } from '../features/documents/demo-content.ts';
import type { DatasetInfo, DatasetPlugin } from './generate.ts';
import { pick, rng } from './names.ts';

const actor = { accountId: null, ip: null, requestId: 'generate' };
const BATCH = 100;
const DAY = 86_400_000;

/**
 * Volumes per publisher: a province publishes most news and documents to its whole subtree, district and commune
 * committees publish bulletins and their own documents to theirs (the audiences members really see).
 */
const PER = {
  province_committee: { news: 1500, documents: 600 },
  district_committee: { news: 12, documents: 6 },
  grassroots_committee: { news: 2, documents: 1 },
} as const;
type Publisher = keyof typeof PER;

const DOC_SUFFIX: Record<Publisher, string> = {
  province_committee: 'TU',
  district_committee: 'HU',
  grassroots_committee: 'ĐU',
};
const NUMBER_KIND: Record<string, string> = {
  nghi_quyet: 'NQ',
  chi_thi: 'CT',
  ket_luan: 'KL',
  quy_dinh: 'QĐi',
  quyet_dinh: 'QĐ',
  huong_dan: 'HD',
  thong_bao: 'TB',
  ke_hoach: 'KH',
  bao_cao: 'BC',
  tham_khao: 'TL',
};
const LEVEL: Record<Publisher, 'province' | 'district' | 'grassroots'> = {
  province_committee: 'province',
  district_committee: 'district',
  grassroots_committee: 'grassroots',
};
const TOPICS = [
  'chuyển đổi số',
  'xây dựng nông thôn mới',
  'công tác phát triển đảng viên',
  'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'sinh hoạt chi bộ',
  'phòng, chống tham nhũng, tiêu cực',
  'cải cách hành chính',
  'bảo vệ môi trường',
  'công tác dân vận',
  'an sinh xã hội',
];

async function* publishers(ctx: AppContext, type: Publisher): AsyncGenerator<Org[]> {
  let after = '';
  for (;;) {
    const rows = await ctx.db
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('type_code', '=', type)
      .where('path', '>', after)
      .orderBy('path')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    yield await findOrgs(
      ctx.db,
      rows.map((r) => r.id),
    );
    after = rows[rows.length - 1]!.path;
  }
}

/** News and documents for the generated provinces, through the features' own services (audience + search index). */
export const contentPlugin: DatasetPlugin = {
  name: 'news-documents',
  async generate(ctx: AppContext, info: DatasetInfo, progress) {
    const random = rng(info.seed + 404);
    const now = Date.parse(info.now);
    const totalOrgs = await ctx.db
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('type_code', 'in', Object.keys(PER) as Publisher[])
      .executeTakeFirstOrThrow();
    const total = Number(totalOrgs.n);
    let done = 0;
    let news = 0;
    let documents = 0;
    const seq = new Map<string, number>();
    for (const type of Object.keys(PER) as Publisher[]) {
      for await (const orgs of publishers(ctx, type)) {
        for (const org of orgs) {
          // Small datasets (tests) get proportionally fewer province items; from 20,000 members on, the full count.
          const scale = type === 'province_committee' ? Math.min(1, info.members / 20_000) : 1;
          const per = {
            news: Math.max(20, Math.round(PER[type].news * scale)),
            documents: Math.max(10, Math.round(PER[type].documents * scale)),
          };
          // Big publishers commit in chunks so one transaction never holds thousands of rows.
          for (let start = 0; start < per.news; start += BATCH) {
            await mutate(ctx, actor, async (uow) => {
              for (let i = start; i < Math.min(per.news, start + BATCH); i++) {
                const t = pick(random, DEMO_NEWS);
                const topic = pick(random, TOPICS);
                const section = type === 'province_committee' ? t.section : 'bulletin';
                await createNews(
                  uow,
                  org,
                  [org],
                  {
                    section,
                    title: `${t.title} (${topic}, số ${i + 1})`,
                    bodyHtml: `${t.html}\n<p>${org.name} triển khai nội dung về ${topic} trong toàn đảng bộ.</p>`,
                    source: t.source,
                    sourceUrl: null,
                    publishAt: new Date(now - Math.floor(random() * 365 * DAY)).toISOString(),
                    pinned: i === 0 && type === 'province_committee',
                  },
                  null,
                );
              }
            });
          }
          news += per.news;
          for (let start = 0; start < per.documents; start += BATCH) {
            await mutate(ctx, actor, async (uow) => {
              for (let i = start; i < Math.min(per.documents, start + BATCH); i++) {
                const t = pick(random, DEMO_DOCUMENTS);
                const topic = pick(random, TOPICS);
                const issued = new Date(now - Math.floor(random() * 3 * 365 * DAY))
                  .toISOString()
                  .slice(0, 10);
                const key = `${org.id}|${t.kind}|${issued.slice(0, 4)}`;
                const n = (seq.get(key) ?? 0) + 1;
                seq.set(key, n);
                await createDocument(
                  uow,
                  org,
                  [org],
                  {
                    kind: t.kind,
                    number: `${n}-${NUMBER_KIND[t.kind] ?? 'VB'}/${DOC_SUFFIX[type]}`,
                    issuedOn: issued,
                    issuer: `Ban Thường vụ ${org.name}`,
                    level: LEVEL[type],
                    title: `${t.title.split(' về ')[0]} về ${topic}`,
                    summary: `${t.summary} Áp dụng trong ${org.name}.`,
                    body: [...t.body, `${org.name} quán triệt nội dung về ${topic} đến từng chi bộ.`].join(
                      '\n\n',
                    ),
                  },
                  null,
                );
              }
            });
          }
          documents += per.documents;
          progress(++done, total);
        }
      }
    }
    return { news, documents };
  },
};
