import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  SUPERVISION_PERIOD: {
    status: 400,
    vi: 'Kỳ giám sát phải là tháng (2026-11), quý (2026-Q4) hoặc năm (2026).',
    en: 'The period must be a month (2026-11), a quarter (2026-Q4) or a year (2026).',
  },
});
