import { useCallback } from 'react';
import { useMutation } from 'urql';
import { sessionStore } from '../auth/session';
import { graphql } from '../gql';
import { setLanguage, type Language } from './index';

const SavePreferredLanguage = graphql(`
  mutation SavePreferredLanguage($input: UpdateProfileInput!) {
    updateMyProfile(input: $input) {
      id
      preferredLanguage
    }
  }
`);

/** Switches the interface language; when signed in, the account remembers it too (and emails follow it). */
export function useLanguageSwitch(): (language: Language) => void {
  const [, save] = useMutation(SavePreferredLanguage);
  return useCallback(
    (language: Language) => {
      setLanguage(language);
      if (!sessionStore.currentUser()) return;
      void save({ input: { preferredLanguage: language } }).then(({ data }) => {
        if (data) sessionStore.updateUser({ preferredLanguage: data.updateMyProfile.preferredLanguage });
      });
    },
    [save],
  );
}
