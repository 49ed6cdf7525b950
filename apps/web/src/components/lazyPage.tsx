import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from './ErrorNotice';

/** A page that loads when first opened (its code is a chunk of its own), with the loading line meanwhile. */
export function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}
