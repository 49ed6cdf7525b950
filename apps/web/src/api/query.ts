import { useMemo } from 'react';
import { useQuery, type AnyVariables, type UseQueryArgs, type UseQueryResponse } from 'urql';
import { useMessages } from '../i18n';
import { common } from '../i18n/common';

/**
 * useQuery for an answer that holds text the API composed in the page's
 * language (an explanation, a history). When the language changes, the new
 * client asks again, but urql keeps showing the previous answer until the new
 * one arrives; this shows nothing (fetching) instead of a moment of the other
 * language. Not for a query a form is built from: the form would be unmounted
 * while it loads, and what was typed lost.
 */
export function useQueryInLanguage<Data, Variables extends AnyVariables = AnyVariables>(args: UseQueryArgs<Variables, Data>): UseQueryResponse<Data, Variables> {
  const { language } = useMessages(common);
  const context = useMemo(() => ({ ...args.context, language }), [args.context, language]);
  const [result, reexecute] = useQuery<Data, Variables>({ ...args, context });
  const asked = result.operation?.context.language;
  if (asked === undefined || asked === language) return [result, reexecute];
  return [{ ...result, data: undefined, error: undefined, fetching: true }, reexecute];
}
