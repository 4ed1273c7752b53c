import { createSpeechNormalizer } from '../../text/index.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/types.ts';
import { principalOf } from '../../platform/http/request.ts';
import { SpeechService, createSpeechProvider } from './engine/index.ts';
import { loadSpeechSettings } from './config.ts';
import { planParagraphs, speechSettings } from './planner.ts';
import {
  AudioParams,
  AudioQuery,
  MAX_SPEECH_TEXT,
  NormalizeBody,
  NormalizeResponse,
  PlanBody,
  PlanQuery,
  PlanResponse,
  PlaylistQuery,
  PlaylistResponse,
  SPEECH_BODY_LIMIT,
} from './schemas.ts';
import { speechSource } from './sources.ts';
import './sources/index.ts';
import './errors.ts';

const tags = ['Đọc văn bản'];

/** Audio is named by its content hash, so a browser may keep it for good; private: it is behind the sign-in. */
const IMMUTABLE = 'private, max-age=31536000, immutable';

function checkLength(text: string): void {
  if (text.length > MAX_SPEECH_TEXT) throw new AppError('SPEECH_TEXT_TOO_LONG');
  if (text.trim() === '') throw new AppError('SPEECH_NOTHING_TO_READ');
}

export function speechRoutes(api: Api, ctx: AppContext): void {
  const settings = loadSpeechSettings(ctx.config.dataDir);
  const normalize = createSpeechNormalizer({ extraAbbreviations: settings.abbreviations });
  const service = new SpeechService({
    provider: createSpeechProvider(settings.provider),
    cacheDir: settings.cacheDir,
    normalize,
    // planParagraphs starts the first sentence of the whole plan itself, not one per paragraph.
    prefetch: 0,
  });
  // Optionally load the voice in the background at start-up, so the first listener does not wait for it.
  if (settings.warm)
    api.addHook('onReady', async () => {
      service.warm().catch((err: unknown) => ctx.log.warn({ err }, 'speech engine did not start'));
    });

  api.post(
    '/api/v1/speech/normalize',
    {
      config: { access: 'authenticated' },
      bodyLimit: SPEECH_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Chuyển văn bản viết thành lời đọc (số, ngày tháng, chữ viết tắt…)',
        body: NormalizeBody,
        response: { 200: NormalizeResponse },
      },
    },
    async (req) => {
      checkLength(req.body.text);
      return { text: normalize(req.body.text.normalize('NFC')) };
    },
  );

  api.post(
    '/api/v1/speech/plan',
    {
      config: { access: 'authenticated' },
      bodyLimit: SPEECH_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Chia một văn bản thành các câu để đọc, kèm địa chỉ âm thanh của từng câu',
        body: PlanBody,
        response: { 200: PlanResponse },
      },
    },
    async (req) => {
      const { text, paragraphs } = req.body;
      if ((text === undefined) === (paragraphs === undefined))
        throw new AppError('VALIDATION_FAILED', {
          details: [{ field: 'text', message: 'Gửi văn bản hoặc danh sách đoạn văn (chỉ một trong hai).' }],
        });
      const parts = paragraphs ?? [{ id: null, text: text ?? '' }];
      checkLength(parts.map((p) => p.text).join('\n'));
      const plan = planParagraphs(service, parts, {
        voice: req.body.voice,
        speed: req.body.speed,
        title: req.body.title ?? null,
      });
      return { ...plan, settings: speechSettings(service) };
    },
  );

  api.get(
    '/api/v1/speech/plan',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Kế hoạch đọc một nội dung (tin tức, văn bản…) theo loại và mã',
        querystring: PlanQuery,
        response: { 200: PlanResponse },
      },
    },
    async (req) => {
      const source = speechSource(req.query.type);
      if (!source) throw new AppError('SPEECH_SOURCE_UNKNOWN');
      const content = await source.load(ctx, principalOf(req), req.query.id);
      if (!content) throw notFound();
      const paragraphs = [{ id: 'title', text: content.title }, ...content.paragraphs];
      const plan = planParagraphs(service, paragraphs, {
        voice: req.query.voice,
        speed: req.query.speed,
        title: content.title,
      });
      return { ...plan, settings: speechSettings(service) };
    },
  );

  api.get(
    '/api/v1/speech/playlist',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Danh sách nội dung mới nhất để nghe liên tục (ví dụ: tin hôm nay)',
        querystring: PlaylistQuery,
        response: { 200: PlaylistResponse },
      },
    },
    async (req) => {
      const source = speechSource(req.query.type);
      if (!source?.playlist) throw new AppError('SPEECH_SOURCE_UNKNOWN');
      const items = await source.playlist(ctx, principalOf(req), req.query.limit ?? 20);
      return { type: req.query.type, items: items.map((i) => ({ type: req.query.type, ...i })) };
    },
  );

  api.get(
    '/api/v1/speech/audio/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Âm thanh MP3 của một câu (địa chỉ lấy từ kế hoạch đọc)',
        params: AudioParams,
        querystring: AudioQuery,
      },
    },
    async (req, reply) => {
      const { t, v, s } = req.query;
      if (service.audioId(t, v, s) !== req.params.id) throw new AppError('SPEECH_AUDIO_MISMATCH');
      const etag = `"${req.params.id}"`;
      void reply.header('cache-control', IMMUTABLE).header('etag', etag);
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      const audio = await service.sentenceAudio({ sentence: t, voice: v, speed: s });
      return reply
        .header('content-type', 'audio/mpeg')
        .header('x-audio-duration', audio.durationSeconds.toFixed(3))
        .send(Buffer.from(audio.mp3.buffer, audio.mp3.byteOffset, audio.mp3.byteLength));
    },
  );
}
