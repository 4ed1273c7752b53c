import { mutate, type AppContext } from '../../platform/context.ts';
import type { DemoHook, DemoRefs } from '../../demo/seed-demo.ts';
import type { Org } from '../orgs/queries.ts';
import { createNews, markNewsRead } from '../news/service.ts';
import { sendMessage, markOpened, acknowledge } from '../exchange/service.ts';
import { createDocument, markRead, setBookmark } from './service.ts';
import { DEMO_DOCUMENTS, DEMO_NEWS } from './demo-content.ts';

const actor = { accountId: null, ip: null, requestId: 'seed-demo' };

function orgFor(refs: DemoRefs, at: 'province' | 'commune' | 'branch'): Org {
  return at === 'province' ? refs.province : at === 'commune' ? refs.commune : refs.branch;
}

/** Library, news in every section, bulletins and a document exchange for the demo accounts. */
export const documentsNewsDemo: DemoHook = async (ctx: AppContext, refs: DemoRefs) => {
  await mutate(ctx, actor, async (uow) => {
    const docs: Record<string, string> = {};
    for (const d of DEMO_DOCUMENTS) {
      const org = orgFor(refs, d.at);
      const doc = await createDocument(
        uow,
        org,
        [org],
        {
          kind: d.kind,
          number: d.number,
          issuedOn: d.issuedOn,
          issuer: d.at === 'commune' ? `Đảng ủy ${org.name.replace(/^Đảng bộ /, '')}` : d.issuer,
          level: d.level,
          title: d.title,
          summary: d.summary,
          body: d.body.join('\n\n'),
        },
        refs.accounts.admin,
      );
      docs[d.key] = doc.id;
    }
    const now = Date.now();
    const newsIds: string[] = [];
    for (const n of DEMO_NEWS) {
      const org = orgFor(refs, n.at);
      const item = await createNews(
        uow,
        org,
        [org],
        {
          section: n.section,
          title: n.title,
          bodyHtml: n.html,
          source: n.source,
          sourceUrl: null,
          publishAt: new Date(now - n.daysAgo * 86_400_000 - 3_600_000).toISOString(),
          pinned: n.pinned === true,
        },
        refs.accounts.admin,
      );
      newsIds.push(item.id);
    }
    // The ordinary member has read a few items and keeps the resolution for later.
    for (const id of newsIds.slice(3, 6)) await markNewsRead(uow, refs.accounts.dangvien, id);
    await setBookmark(uow, refs.accounts.dangvien, docs.nq02!, true);
    await markRead(uow, refs.accounts.dangvien, docs.huongdan!, true);
    await markRead(uow, refs.accounts.bithu, docs.nq02!, false);

    const down = await sendMessage(uow, {
      direction: 'down',
      title: 'Công văn về việc học tập Nghị quyết 02-NQ/TU trong sinh hoạt chi bộ tháng 11',
      body: 'Đề nghị các chi bộ và đảng viên nghiên cứu Nghị quyết 02-NQ/TU trước kỳ sinh hoạt và xác nhận đã nhận công văn.',
      documentId: docs.nq02!,
      senderOrg: refs.commune,
      senderOrgPath: refs.commune.path,
      senderAccountId: refs.accounts.dangu,
      senderMemberId: null,
      senderName: refs.commune.name,
      ackDeadline: new Date(now + 7 * 86_400_000).toISOString().slice(0, 10),
      recipients: [
        { memberId: null, orgId: refs.branch.id, orgPath: refs.branch.path, name: refs.branch.name },
        { memberId: refs.members.dangvien, orgId: null, orgPath: refs.branch.path, name: 'Phạm Thị Hoa' },
        { memberId: refs.members.dangvienxa, orgId: null, orgPath: refs.branch.path, name: 'Trần Đức Long' },
      ],
    });
    const branchRow = await uow.trx
      .selectFrom('exchange_recipients')
      .select('id')
      .where('message_id', '=', down)
      .where('org_id', '=', refs.branch.id)
      .executeTakeFirstOrThrow();
    await acknowledge(uow, [branchRow.id], refs.accounts.bithu, refs.commune.path);
    const longRow = await uow.trx
      .selectFrom('exchange_recipients')
      .select('id')
      .where('message_id', '=', down)
      .where('member_id', '=', refs.members.dangvienxa)
      .executeTakeFirstOrThrow();
    await markOpened(uow, [longRow.id]);
    await sendMessage(uow, {
      direction: 'up',
      title: 'Ý kiến góp ý dự thảo nội dung sinh hoạt tháng 11',
      body: 'Tôi đề nghị chi bộ dành thời gian hướng dẫn các đồng chí cao tuổi dùng chức năng nghe đọc.',
      documentId: null,
      senderOrg: null,
      senderOrgPath: refs.branch.path,
      senderAccountId: refs.accounts.dangvien,
      senderMemberId: refs.members.dangvien,
      senderName: 'Phạm Thị Hoa',
      ackDeadline: null,
      recipients: [
        { memberId: null, orgId: refs.branch.id, orgPath: refs.branch.path, name: refs.branch.name },
      ],
    });
  });
};
