import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout';
import { lazyPage as page } from './components/lazyPage';
import { RequireSignIn } from './auth/RequireSignIn';
import HomePage from './features/home/HomePage';
import NotFoundPage from './components/NotFoundPage';
import { RouteError } from './components/RouteError';

import { adminRoutes } from './features/admin/routes';

// The home page ships in the first download; every other page loads when first opened.

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
      { path: 'decisions/:id', element: page(() => import('./features/board/DecisionPage')) },
      // routes: pairing (pairs diagram, explorer, proposing a twinning)
      { path: 'pairs', element: page(() => import('./features/pairing/PairsPage')) },
      { path: 'explorer', element: page(() => import('./features/pairing/ExplorerPage')) },
      { path: 'twinnings/:id', element: page(() => import('./features/pairing/TwinningPage')) },
      // routes: case studies (public list and page, writing and reviewing)
      { path: 'case-studies', element: page(() => import('./features/knowledge/CaseStudiesPage')) },
      // A static segment outranks :slug, so /case-studies/new (signed in, below) is never read as a slug.
      { path: 'case-studies/:slug', element: page(() => import('./features/knowledge/CaseStudyPage')) },
      // routes: events (public list and page, organising)
      { path: 'events', element: page(() => import('./features/events/EventsListPage')) },
      { path: 'events/:id', element: page(() => import('./features/events/EventPage')) },
      { path: 'sign-in', element: page(() => import('./features/auth/SignInPage')) },
      { path: 'sign-up', element: page(() => import('./features/auth/SignUpPage')) },
      { path: 'forgot-password', element: page(() => import('./features/auth/ForgotPasswordPage')) },
      // routes: the pages emailed links open (each acts on its button, never on opening)
      { path: 'confirm-email', element: page(() => import('./features/auth/ConfirmEmailPage')) },
      { path: 'reset-password', element: page(() => import('./features/auth/ResetPasswordPage')) },
      { path: 'accept-invitation', element: page(() => import('./features/auth/AcceptInvitationPage')) },
      { path: 'join-workspace', element: page(() => import('./features/twinning/JoinWorkspacePage')) },
      { path: 'unsubscribe/workspace-digest', element: page(() => import('./features/twinning/StopDigestPage')) },
      { path: 'unsubscribe/events', element: page(() => import('./features/events/StopAnnouncementsPage')) },
      {
        element: <RequireSignIn />,
        children: [
          { path: 'me', element: page(() => import('./features/account/AccountPage')) },
          // signed-in routes: twinning (workspaces), projects, funding (applications)
          { path: 'workspaces/:id', element: page(() => import('./features/twinning/WorkspacePage')) },
          { path: 'projects/:id', element: page(() => import('./features/projects/ProjectPage')) },
          { path: 'applications/new', element: page(() => import('./features/funding/NewApplicationPage')) },
          { path: 'applications/:id', element: page(() => import('./features/funding/ApplicationPage')) },
          // signed-in routes: board (reviews, meetings, decisions)
          { path: 'board', element: page(() => import('./features/board/BoardPage')) },
          { path: 'funds/:fundId/board', element: page(() => import('./features/board/BoardPage')) },
          { path: 'board/reviews', element: page(() => import('./features/board/MyReviewsPage')) },
          { path: 'board/applications/:id', element: page(() => import('./features/board/BoardApplicationPage')) },
          { path: 'board/meetings/:id', element: page(() => import('./features/board/BoardMeetingPage')) },
          // signed-in routes: case studies
          { path: 'case-studies/new', element: page(() => import('./features/knowledge/NewCaseStudyPage')) },
          { path: 'case-studies/:slug/edit', element: page(() => import('./features/knowledge/EditCaseStudyPage')) },
          { path: 'me/case-studies', element: page(() => import('./features/knowledge/MyCaseStudiesPage')) },
          // signed-in routes: events
          { path: 'events/new', element: page(() => import('./features/events/EventFormPage')) },
          { path: 'events/:id/edit', element: page(() => import('./features/events/EventFormPage')) },
          { path: 'events/:id/registrations', element: page(() => import('./features/events/RegistrationsPage')) },
          { path: 'me/events', element: page(() => import('./features/events/MyEventsPage')) },
          // signed-in routes: organisations (requests to join, deciding them)
          { path: 'me/organisation-requests', element: page(() => import('./features/organisations/OrganisationRequestsPage')) },
          // signed-in routes: the secretariat's console (admins; AdminLayout checks)
          { path: 'admin', element: page(() => import('./features/admin/AdminLayout')), children: adminRoutes },
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
