import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage';

/**
 * The console's pages under /admin (AdminLayout checks the role). Each
 * section adds its own lines, pointing into its folder.
 */
export const adminRoutes: RouteObject[] = [
  { index: true, element: lazyPage(() => import('./AdminHomePage')) },
  // section: requests
  { path: 'organisation-requests', element: lazyPage(() => import('../organisations/AdminOrganisationRequestsPage')) },
  // section: funds
  { path: 'funds', element: lazyPage(() => import('./funds/FundsPage')) },
  {
    path: 'funds/:id',
    element: lazyPage(() => import('./funds/FundLayout')),
    children: [
      { index: true, element: lazyPage(() => import('./funds/FundMoneyPage')) },
      { path: 'calls', element: lazyPage(() => import('./funds/FundCallsPage')) },
      { path: 'calls/new', element: lazyPage(() => import('./funds/CallFormPage')) },
      { path: 'calls/:callId', element: lazyPage(() => import('./funds/CallFormPage')) },
      { path: 'board', element: lazyPage(() => import('./funds/FundBoardPage')) },
      { path: 'meetings', element: lazyPage(() => import('./funds/FundMeetingsPage')) },
      { path: 'audit', element: lazyPage(() => import('./funds/FundAuditPage')) },
    ],
  },
  // section: applications
  { path: 'applications', element: lazyPage(() => import('./applications/AdminApplicationsPage')) },
  { path: 'applications/:id', element: lazyPage(() => import('./applications/AdminApplicationPage')) },
  // section: people
  { path: 'people', element: lazyPage(() => import('./people/PeoplePage')) },
  { path: 'people/:id', element: lazyPage(() => import('./people/PersonPage')) },
  // section: organisations
  { path: 'organisations', element: lazyPage(() => import('./people/OrganisationsPage')) },
  { path: 'organisations/:id', element: lazyPage(() => import('./people/OrganisationPage')) },
  // section: evidence
  { path: 'evidence', element: lazyPage(() => import('./evidence/EvidenceHomePage')) },
  { path: 'evidence/:city', element: lazyPage(() => import('./evidence/CityEvidencePage')) },
  // section: operations
  { path: 'operations', element: lazyPage(() => import('./operations/OperationsPage')) },
];
