import { Screen } from '../components/Screen.tsx';
import { t } from '../i18n/i18n.ts';
import { SpeechPlayer } from './Player.tsx';

// Báo Thái Bình (2022), seed 004: the article that asked for this feature, read by the feature itself.
const TITLE = 'Đảng viên già “bắt trend” công nghệ';
const PARAGRAPHS = [
  {
    id: 'p1',
    text: 'Chi bộ tổ dân phố số 6, thị trấn Quỳnh Côi (Quỳnh Phụ) hiện có 81 đảng viên, trong đó 49 đảng viên thường xuyên sinh hoạt. Trong 49 đảng viên đang sinh hoạt hiện nay, đảng viên trên 60 tuổi chiếm đa số.',
  },
  {
    id: 'p2',
    text: 'Phần mềm “Sổ tay đảng viên điện tử” được triển khai thí điểm từ tháng 5/2021, đến tháng 1/2022 đã có 100% tổ chức cơ sở đảng sử dụng. Mục tiêu đến hết năm 2022 có 90% đảng viên sử dụng phần mềm.',
  },
  {
    id: 'p3',
    text: 'Thời gian sinh hoạt chi bộ giảm từ 180 phút xuống còn 90 - 120 phút. Ở mục tin tức, phần mềm chuyển văn bản thành giọng nói để những đảng viên cao tuổi, mắt kém vẫn nắm bắt đầy đủ thông tin.',
  },
];

/** "Nghe thử": the player on a short article, so members can try reading aloud and its settings. */
export function Listen() {
  return (
    <Screen title={t('speech.demoTitle')} lead={<p class="lead">{t('speech.demoLead')}</p>}>
      <SpeechPlayer playlist={{ type: 'news', title: t('speech.todayNews') }} />
      <h2>{t('speech.demoArticle')}</h2>
      <div data-speech-slot>
        <SpeechPlayer paragraphs={PARAGRAPHS} title={TITLE} textKey="demo-004" />
      </div>
      <article class="speech-article" lang="vi">
        <h3>{TITLE}</h3>
        {PARAGRAPHS.map((p) => (
          <p key={p.id} data-paragraph-id={p.id}>
            {p.text}
          </p>
        ))}
      </article>
    </Screen>
  );
}

export default Listen;
