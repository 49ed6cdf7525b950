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
  // section: people
  { path: 'people', element: lazyPage(() => import('./people/PeoplePage')) },
  { path: 'people/:id', element: lazyPage(() => import('./people/PersonPage')) },
  // section: organisations
  { path: 'organisations', element: lazyPage(() => import('./people/OrganisationsPage')) },
  { path: 'organisations/:id', element: lazyPage(() => import('./people/OrganisationPage')) },
];
