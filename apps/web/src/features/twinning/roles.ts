/** The roles a workspace member may have, in the order a person chooses from them. */
export const ROLES = ['LEAD', 'MEMBER', 'OBSERVER'] as const;
export type Role = (typeof ROLES)[number];
