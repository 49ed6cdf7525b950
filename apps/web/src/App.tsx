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
      // routes: board (public decision record)
      { path: 'decisions/:id', element: page(() => import('./pages/board/DecisionPage')) },
      // routes: pairing (pairs diagram, explorer, proposing a twinning)
      { path: 'pairs', element: page(() => import('./pages/pairing/PairsPage')) },
      { path: 'explorer', element: page(() => import('./pages/pairing/ExplorerPage')) },
      { path: 'twinnings/:id', element: page(() => import('./pages/pairing/TwinningPage')) },
      // routes: case studies (public list and page, writing and reviewing)
      { path: 'case-studies', element: page(() => import('./pages/case-studies/CaseStudiesPage')) },
      // A static segment outranks :slug, so /case-studies/new (signed in, below) is never read as a slug.
      { path: 'case-studies/:slug', element: page(() => import('./pages/case-studies/CaseStudyPage')) },
      // routes: events (public list and page, organising)
      { path: 'events', element: page(() => import('./pages/events/EventsListPage')) },
      { path: 'events/:id', element: page(() => import('./pages/events/EventPage')) },
      { path: 'sign-in', element: page(() => import('./pages/auth/SignInPage')) },
      { path: 'sign-up', element: page(() => import('./pages/auth/SignUpPage')) },
      { path: 'forgot-password', element: page(() => import('./pages/auth/ForgotPasswordPage')) },
      {
        element: <RequireSignIn />,
        children: [
          { path: 'me', element: page(() => import('./pages/account/AccountPage')) },
          // signed-in routes: officer (workspaces, projects, applications)
          { path: 'workspaces/:id', element: page(() => import('./pages/officer/WorkspacePage')) },
          { path: 'projects/:id', element: page(() => import('./pages/officer/ProjectPage')) },
          { path: 'applications/new', element: page(() => import('./pages/officer/NewApplicationPage')) },
          { path: 'applications/:id', element: page(() => import('./pages/officer/ApplicationPage')) },
          // signed-in routes: board (reviews, meetings, decisions)
          { path: 'board', element: page(() => import('./pages/board/BoardPage')) },
          { path: 'funds/:fundId/board', element: page(() => import('./pages/board/BoardPage')) },
          { path: 'board/applications/:id', element: page(() => import('./pages/board/BoardApplicationPage')) },
          { path: 'board/meetings/:id', element: page(() => import('./pages/board/BoardMeetingPage')) },
          // signed-in routes: case studies
          { path: 'case-studies/new', element: page(() => import('./pages/case-studies/NewCaseStudyPage')) },
          { path: 'case-studies/:slug/edit', element: page(() => import('./pages/case-studies/EditCaseStudyPage')) },
          { path: 'me/case-studies', element: page(() => import('./pages/case-studies/MyCaseStudiesPage')) },
          // signed-in routes: events
          { path: 'events/new', element: page(() => import('./pages/events/EventFormPage')) },
          { path: 'events/:id/edit', element: page(() => import('./pages/events/EventFormPage')) },
          { path: 'events/:id/registrations', element: page(() => import('./pages/events/RegistrationsPage')) },
          { path: 'me/events', element: page(() => import('./pages/events/MyEventsPage')) },
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
