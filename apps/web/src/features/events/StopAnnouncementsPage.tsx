import { useMutation } from 'urql';
import { UnsubscribePage } from '../../components/EmailedLink';
import { graphql } from '../../gql';
import { defineMessages, useMessages } from '../../i18n';

const words = defineMessages(
  'eventsUnsubscribe',
  {
    title: 'Stop event announcements',
    intro:
      'You will no longer receive announcements of events like this one: those of its twin workspace, its sectors or the whole programme, as far as you follow them. A workspace digest you follow stays, and so do your registrations.',
    submit: 'Stop these announcements',
    done: 'Done: you will receive no more announcements like this one.',
    invalid: 'You can also change what you follow under My events, signed in.',
  },
  {
    title: '행사 공지 그만 받기',
    intro: '이 행사와 같은 공지(이 행사의 워크스페이스, 분야 또는 프로그램 전체 행사 가운데 구독 중인 것)를 더 이상 받지 않습니다. 구독 중인 워크스페이스 요약 메일과 행사 등록은 그대로 유지됩니다.',
    submit: '이런 공지 그만 받기',
    done: '완료했습니다. 이와 같은 행사 공지는 더 이상 보내지 않습니다.',
    invalid: '로그인한 뒤 내 행사에서 구독 설정을 바꿀 수도 있습니다.',
  },
);

const StopEventAnnouncements = graphql(`
  mutation StopEventAnnouncements($token: String!) {
    stopEventAnnouncements(token: $token)
  }
`);

/** The page an announcement's unsubscribe link opens: its button stops such announcements, without signing in. */
export default function StopAnnouncementsPage() {
  const { t } = useMessages(words);
  const [result, stop] = useMutation(StopEventAnnouncements);
  return (
    <UnsubscribePage
      words={{ title: t('title'), intro: t('intro'), submit: t('submit'), done: t('done'), invalid: t('invalid') }}
      result={result}
      stop={(token) => void stop({ token })}
    />
  );
}
