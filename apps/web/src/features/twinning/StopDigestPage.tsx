import { useMutation } from 'urql';
import { UnsubscribePage } from '../../components/EmailedLink';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { workspaceLinkMessages } from './linkMessages';

const StopWorkspaceDigest = graphql(`
  mutation StopWorkspaceDigest($token: String!) {
    stopWorkspaceDigest(token: $token)
  }
`);

/** The page a digest's unsubscribe link opens: its button stops the digest, without signing in. */
export default function StopDigestPage() {
  const { t } = useMessages(workspaceLinkMessages);
  const [result, stop] = useMutation(StopWorkspaceDigest);
  return (
    <UnsubscribePage
      words={{ title: t('digest.title'), intro: t('digest.intro'), submit: t('digest.submit'), done: t('digest.done'), invalid: t('digest.invalid') }}
      result={result}
      stop={(token) => void stop({ token })}
    />
  );
}
