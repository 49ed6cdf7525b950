/**
 * The console's sections, in the order the navigation shows them. Each
 * section's pages live in its own folder and add their routes in routes.tsx.
 */
export const ADMIN_SECTIONS = [
  { key: 'people', path: '/admin/people' },
  { key: 'organisations', path: '/admin/organisations' },
  { key: 'requests', path: '/admin/organisation-requests' },
  { key: 'funds', path: '/admin/funds' },
  { key: 'applications', path: '/admin/applications' },
  { key: 'evidence', path: '/admin/evidence' },
  { key: 'operations', path: '/admin/operations' },
] as const;

export type AdminSectionKey = (typeof ADMIN_SECTIONS)[number]['key'];
