import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { can, requirePermission } from '../../platform/permissions/check.ts';
import { Id, IdParams } from '../orgs/schemas.ts';
import { findOrg } from '../orgs/queries.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import { attachUpdateFile, createTask, editTask, postUpdate } from './service.ts';
import { fileStoreOf } from '../documents/file-store.ts';
import { IMAGE_KINDS, saveUpload, sendStoredFile, type FileKind } from '../../platform/files/index.ts';
import {
  contributorsOf,
  findTask,
  listMemberTasks,
  listOrgTasks,
  reviewTasks,
  updatesOf,
} from './queries.ts';
import { summariseTasks } from './domain/tasks.ts';
import './errors.ts';

const tags = ['Nhiệm vụ'];
/** What an owner attaches to a progress update: photos of the work, and PDF or office documents. */
export const TASK_FILE_KINDS: readonly FileKind[] = [...IMAGE_KINDS, 'pdf', 'docx', 'odt', 'xlsx'];
const UpdateFileParams = Type.Object({ id: Id, updateId: Id });
const FileParams = Type.Object({ id: Id, fileId: Id });
const FileView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  url: Type.String(),
});
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const TaskSchema = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  parentId: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  ownerMemberId: Nullable(Type.String()),
  ownerName: Type.String(),
  deadline: Nullable(Type.String()),
  progress: Type.Number(),
  weight: Type.Number(),
  status: Type.String(),
  state: Type.String(),
  completedOn: Nullable(Type.String()),
  source: Type.String(),
  meetingId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const TaskList = Type.Object({ items: Type.Array(TaskSchema) });

const CreateBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  ownerMemberId: Type.Optional(Type.Union([Id, Type.Null()])),
  ownerLabel: Type.Optional(Type.String({ maxLength: 200 })),
  contributorIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  deadline: Type.Optional(Type.Union([Day, Type.Null()])),
  parentId: Type.Optional(Type.Union([Id, Type.Null()])),
  weight: Type.Optional(Type.Number()),
});
const EditBody = Type.Partial(
  Type.Object({
    ...CreateBody.properties,
    title: Type.String({ minLength: 1, maxLength: 300 }),
    status: Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('cancelled')]),
  }),
);
const UpdateBody = Type.Object({
  progress: Type.Number(),
  note: Type.String({ maxLength: 5000 }),
  done: Type.Optional(Type.Boolean()),
});

/** A task the caller may read (org.read over its organisation); a 404 otherwise. */
async function loadTask(ctx: AppContext, req: FastifyRequest, id: string) {
  const task = await findTask(ctx.db, id);
  if (!task || !can(principalOf(req), 'org.read', task.orgPath)) throw notFound();
  const org = await findOrg(ctx.db, task.orgId);
  if (!org) throw notFound();
  return { task, org };
}

async function detail(ctx: AppContext, req: FastifyRequest, id: string) {
  const { task, org } = await loadTask(ctx, req, id);
  const principal = principalOf(req);
  const contributors = await contributorsOf(ctx.db, id);
  const children = (await listOrgTasks(ctx.db, task.orgId)).filter((t) => t.parentId === id);
  const manage = can(principal, 'meeting.manage', org.path);
  const involved =
    principal.memberId !== null &&
    (task.ownerMemberId === principal.memberId || contributors.some((c) => c.id === principal.memberId));
  const { orgPath: _p, ...rest } = task;
  return {
    ...rest,
    contributors,
    children,
    updates: (await updatesOf(ctx.db, id)).map(({ authorAccountId, ...u }) => ({
      ...u,
      canAttach: task.status !== 'cancelled' && (manage || authorAccountId === principal.accountId),
    })),
    canUpdate: (manage || involved) && task.status !== 'cancelled' && children.length === 0,
    canManage: manage,
    maxFileBytes: ctx.config.maxUploadBytes,
  };
}

const Detail = Type.Intersect([
  TaskSchema,
  Type.Object({
    contributors: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    children: Type.Array(TaskSchema),
    updates: Type.Array(
      Type.Object({
        id: Type.String(),
        progress: Type.Number(),
        note: Type.String(),
        createdAt: Type.String(),
        authorName: Type.String(),
        files: Type.Array(FileView),
        canAttach: Type.Boolean(),
      }),
    ),
    canUpdate: Type.Boolean(),
    canManage: Type.Boolean(),
    /** Largest file accepted as an attachment, so the screen can say so before uploading. */
    maxFileBytes: Type.Integer(),
  }),
]);

export function taskRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/tasks/mine',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Nhiệm vụ tôi chủ trì hoặc phối hợp', response: { 200: TaskList } },
    },
    async (req) => {
      const memberId = principalOf(req).memberId;
      return { items: memberId ? await listMemberTasks(ctx.db, memberId) : [] };
    },
  );

  api.get(
    '/api/v1/orgs/:id/tasks',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Nhiệm vụ của một tổ chức đảng, với tình trạng hôm nay',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(TaskSchema),
            summary: Type.Record(Type.String(), Type.Integer()),
            canManage: Type.Boolean(),
          }),
        },
      },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      const items = await listOrgTasks(ctx.db, org.id);
      return {
        items,
        summary: summariseTasks(items.filter((t) => t.parentId === null).map((t) => t.state)),
        canManage: can(principalOf(req), 'meeting.manage', org.path),
      };
    },
  );

  api.post(
    '/api/v1/orgs/:id/tasks',
    {
      config: { access: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Cấp ủy giao nhiệm vụ',
        params: IdParams,
        body: CreateBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (req, reply) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'meeting.manage', org.path);
      const body: Static<typeof CreateBody> = req.body;
      const id = await mutate(ctx, actorOf(req), (uow) =>
        createTask(uow, org, body, principalOf(req).accountId),
      );
      return reply.code(201).send({ id });
    },
  );

  api.get(
    '/api/v1/tasks/:id',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Chi tiết nhiệm vụ', params: IdParams, response: { 200: Detail } },
    },
    async (req) => detail(ctx, req, req.params.id),
  );

  api.patch(
    '/api/v1/tasks/:id',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Sửa nhiệm vụ', params: IdParams, body: EditBody, response: { 200: Detail } },
    },
    async (req) => {
      const { org } = await loadTask(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'meeting.manage', org.path);
      await mutate(ctx, actorOf(req), (uow) => editTask(uow, org, req.params.id, req.body));
      return detail(ctx, req, req.params.id);
    },
  );

  api.post(
    '/api/v1/tasks/:id/updates',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Báo cáo tiến độ nhiệm vụ',
        params: IdParams,
        body: UpdateBody,
        response: { 201: Type.Intersect([Detail, Type.Object({ updateId: Type.String() })]) },
      },
    },
    async (req, reply) => {
      const { task, org } = await loadTask(ctx, req, req.params.id);
      const principal = principalOf(req);
      const contributors = await contributorsOf(ctx.db, task.id);
      const involved =
        principal.memberId !== null &&
        (task.ownerMemberId === principal.memberId || contributors.some((c) => c.id === principal.memberId));
      if (!involved && !can(principal, 'meeting.manage', org.path)) throw new AppError('TASK_NOT_OWNER');
      const updateId = await mutate(ctx, actorOf(req), (uow) =>
        postUpdate(uow, org, task.id, req.body, {
          accountId: principal.accountId,
          memberId: principal.memberId,
        }),
      );
      return reply.code(201).send({ ...(await detail(ctx, req, task.id)), updateId });
    },
  );

  api.post(
    '/api/v1/tasks/:id/updates/:updateId/files',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Đính kèm tệp (ảnh, PDF, Word) vào một lần báo cáo tiến độ',
        consumes: ['multipart/form-data'],
        params: UpdateFileParams,
        response: { 201: FileView },
      },
    },
    async (req, reply) => {
      const { task, org } = await loadTask(ctx, req, req.params.id);
      const principal = principalOf(req);
      const update = await ctx.db
        .selectFrom('task_updates')
        .select(['id', 'author_account_id'])
        .where('id', '=', req.params.updateId)
        .where('task_id', '=', task.id)
        .executeTakeFirst();
      if (!update) throw notFound();
      if (update.author_account_id !== principal.accountId && !can(principal, 'meeting.manage', org.path))
        throw new AppError('TASK_FILE_NOT_AUTHOR');
      if (task.status === 'cancelled') throw new AppError('TASK_CLOSED');
      if (!req.isMultipart()) throw new AppError('UPLOAD_REQUIRED');
      const file = await req.file();
      if (!file) throw new AppError('UPLOAD_REQUIRED');
      const saved = await saveUpload(fileStoreOf(ctx), {
        bytes: new Uint8Array(await file.toBuffer()),
        name: file.filename,
        allowed: TASK_FILE_KINDS,
        maxBytes: ctx.config.maxUploadBytes,
      });
      const id = await mutate(ctx, actorOf(req), (uow) =>
        attachUpdateFile(uow, org, task.id, update.id, saved, principal.accountId),
      );
      return reply.code(201).send({
        id,
        fileName: saved.fileName,
        mime: saved.mime,
        size: saved.size,
        url: `/api/v1/tasks/${task.id}/files/${id}`,
      });
    },
  );

  api.get(
    '/api/v1/tasks/:id/files/:fileId',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Tải tệp đính kèm báo cáo tiến độ', params: FileParams },
    },
    async (req, reply) => {
      const { task } = await loadTask(ctx, req, req.params.id);
      const row = await ctx.db
        .selectFrom('task_files')
        .selectAll()
        .where('id', '=', req.params.fileId)
        .where('task_id', '=', task.id)
        .executeTakeFirst();
      if (!row) throw notFound();
      return sendStoredFile(reply, fileStoreOf(ctx), row.file_key, {
        mime: row.mime,
        fileName: row.file_name,
        size: Number(row.size),
        inline: true,
      });
    },
  );

  api.get(
    '/api/v1/meetings/:id/task-review',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Kiểm điểm nhiệm vụ tháng trước tại cuộc họp',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(TaskSchema),
            summary: Type.Record(Type.String(), Type.Integer()),
          }),
        },
      },
    },
    async (req) => {
      const m = await ctx.db
        .selectFrom('meetings')
        .select(['id', 'org_id', 'org_path', 'starts_at'])
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!m || !can(principalOf(req), 'org.read', m.org_path)) throw notFound();
      const items = await reviewTasks(ctx.db, m.org_id, m.starts_at);
      return { items, summary: summariseTasks(items.map((t) => t.state)) };
    },
  );
}
