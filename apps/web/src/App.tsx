import { lazy, Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/ErrorNotice';
import { RequireSignIn } from './auth/RequireSignIn';
import HomePage from './pages/home/HomePage';
import NotFoundPage from './pages/NotFoundPage';
import { RouteError } from './pages/RouteError';

// The home page ships in the first download; every other page loads when first opened.
const page = (load: () => Promise<{ default: React.ComponentType }>) => {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
};

const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        // A page that fails keeps the frame (navigation, language switch) around its error.
        errorElement: <RouteError />,
        children: [
      { index: true, element: <HomePage /> },
      // routes: pairing (pairs diagram, explorer, proposing a twinning)
      // routes: case studies (public list and page, writing and reviewing)
      // routes: events (public list and page, organising)
      { path: 'sign-in', element: page(() => import('./pages/auth/SignInPage')) },
      { path: 'sign-up', element: page(() => import('./pages/auth/SignUpPage')) },
      { path: 'forgot-password', element: page(() => import('./pages/auth/ForgotPasswordPage')) },
      {
        element: <RequireSignIn />,
        children: [
          { path: 'me', element: page(() => import('./pages/account/AccountPage')) },
          // signed-in routes: officer (workspaces, projects, applications)
          // signed-in routes: board (reviews, meetings, decisions)
          // signed-in routes: case studies
          // signed-in routes: events
        ],
      },
      { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
