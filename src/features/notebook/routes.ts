import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { contentDisposition } from '../../platform/files/content-disposition.ts';
import { htmlToPlainText } from '../../platform/html/sanitize.ts';
import { IdParams, Id } from '../orgs/schemas.ts';
import { keyringFor } from './crypto.ts';
import { LINK_TYPES, validateNote } from './content.ts';
import { HighlightBody, NoteBody, NoteSummary, NoteView } from './schemas.ts';
import {
  assertOwnNote,
  createNote,
  deleteNote,
  getNote,
  listNotes,
  listTags,
  scanNotes,
  searchNotes,
  updateNote,
  type Note,
} from './service.ts';
import { registerNotebookSearch } from './search-source.ts';

const tags = ['Sổ tay cá nhân'];

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function summary(n: Note) {
  const plain = htmlToPlainText(n.html);
  return {
    id: n.id,
    title: n.title,
    excerpt: plain.length > 200 ? `${plain.slice(0, 200)}…` : plain,
    tags: n.tags,
    link: n.link,
    quote: n.quote,
    updatedAt: n.updatedAt,
  };
}

function view(n: Note) {
  return {
    id: n.id,
    title: n.title,
    html: n.html,
    tags: n.tags,
    link: n.link,
    quote: n.quote,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

/**
 * Every route acts only on the caller's own notes: the owner is always the signed-in account, never a
 * parameter, so no role (administrator, committee, secretary) has a way to name someone else's notebook.
 */
export function notebookRoutes(api: Api, ctx: AppContext): void {
  const ring = keyringFor(ctx.config.dataDir);
  const owner = (req: FastifyRequest) => principalOf(req).accountId;
  registerNotebookSearch(ctx, ring);

  api.get(
    '/api/v1/notebook/notes',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Ghi chép của tôi (mới sửa trước)',
        querystring: Type.Object({
          tag: Type.Optional(Type.String({ maxLength: 100 })),
          linkType: Type.Optional(Type.Union(LINK_TYPES.map((t) => Type.Literal(t)))),
          linkId: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          cursor: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(NoteSummary),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (req) => {
      const q = req.query;
      const page = await listNotes(ctx.db, ring, owner(req), {
        tag: q.tag,
        limit: q.limit ?? 30,
        cursor: q.cursor,
        link: q.linkType && q.linkId ? { type: q.linkType, id: q.linkId } : undefined,
      });
      return { items: page.items.map(summary), nextCursor: page.nextCursor };
    },
  );

  api.post(
    '/api/v1/notebook/notes',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Viết ghi chép mới', body: NoteBody, response: { 201: NoteView } },
    },
    async (req, reply) => {
      const content = validateNote(req.body);
      const note = await mutate(ctx, actorOf(req), (uow) => createNote(uow, ring, owner(req), content));
      return reply.status(201).send(view(note));
    },
  );

  api.get(
    '/api/v1/notebook/notes/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Đọc một ghi chép của tôi', params: IdParams, response: { 200: NoteView } },
    },
    async (req) => view(await getNote(ctx.db, ring, owner(req), req.params.id)),
  );

  api.put(
    '/api/v1/notebook/notes/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Sửa ghi chép',
        params: IdParams,
        body: NoteBody,
        response: { 200: NoteView },
      },
    },
    async (req) => {
      await assertOwnNote(ctx.db, owner(req), req.params.id);
      const content = validateNote(req.body);
      const note = await mutate(ctx, actorOf(req), (uow) =>
        updateNote(uow, ring, owner(req), req.params.id, content),
      );
      return view(note);
    },
  );

  api.delete(
    '/api/v1/notebook/notes/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Xoá ghi chép', params: IdParams },
    },
    async (req, reply) => {
      await mutate(ctx, actorOf(req), (uow) => deleteNote(uow, owner(req), req.params.id));
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/notebook/search',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Tìm trong sổ tay của tôi',
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 200 }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Intersect([NoteSummary, Type.Object({ snippet: Type.String() })])),
          }),
        },
      },
    },
    async (req) => {
      const hits = await searchNotes(ctx.db, ring, owner(req), req.query.q, req.query.limit ?? 50);
      return { items: hits.map((h) => ({ ...summary(h.note), snippet: h.snippet })) };
    },
  );

  api.get(
    '/api/v1/notebook/tags',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các thẻ trong sổ tay của tôi',
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ tag: Type.String(), count: Type.Integer() })),
          }),
        },
      },
    },
    async (req) => ({ items: await listTags(ctx.db, ring, owner(req)) }),
  );

  api.post(
    '/api/v1/notebook/highlights',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Lưu đoạn đánh dấu trên văn bản thành ghi chép',
        body: HighlightBody,
        response: { 201: NoteView },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const content = validateNote({
        title: b.label ? `Trích: ${b.label}` : 'Đoạn đánh dấu',
        html: b.comment ? `<p>${escapeHtml(b.comment).replace(/\n/g, '<br>')}</p>` : '',
        tags: b.tags ?? ['trích dẫn'],
        link: { type: b.type ?? 'document', id: b.id, paragraph: b.paragraph, label: b.label },
        quote: b.quote,
      });
      const note = await mutate(ctx, actorOf(req), (uow) => createNote(uow, ring, owner(req), content));
      return reply.status(201).send(view(note));
    },
  );

  api.get(
    '/api/v1/notebook/export',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Tải sổ tay của tôi (Word hoặc Markdown)',
        querystring: Type.Object({
          format: Type.Union([Type.Literal('docx'), Type.Literal('md')]),
          noteId: Type.Optional(Id),
          tag: Type.Optional(Type.String({ maxLength: 100 })),
        }),
      },
    },
    async (req, reply) => {
      const { format, noteId, tag } = req.query;
      let notes: Note[];
      if (noteId) notes = [await getNote(ctx.db, ring, owner(req), noteId)];
      else {
        notes = [];
        const folded = tag?.toLowerCase();
        await scanNotes(ctx.db, ring, owner(req), (n) => {
          if (!folded || n.tags.some((t) => t.toLowerCase() === folded)) notes.push(n);
        });
      }
      const name = noteId ? notes[0]!.title || 'Ghi chép' : 'Sổ tay cá nhân';
      void reply.header('Cache-Control', 'private, no-store');
      // The DOCX writer is loaded on the first export, not at start-up.
      const { notesToDocx, notesToMarkdown } = await import('./export.ts');
      if (format === 'md') {
        return reply
          .type('text/markdown; charset=utf-8')
          .header('Content-Disposition', contentDisposition(`${name}.md`))
          .send(notesToMarkdown(notes));
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('Content-Disposition', contentDisposition(`${name}.docx`))
        .send(await notesToDocx(notes));
    },
  );
}
