import { registerEnumType } from '@nestjs/graphql';

/** Platform-wide roles, granted by admins. Workspace roles live with workspaces. */
export enum Role {
  ADMIN = 'ADMIN',
  BOARD_MEMBER = 'BOARD_MEMBER',
  EVENT_ORGANISER = 'EVENT_ORGANISER',
}
registerEnumType(Role, { name: 'Role', description: 'A platform-wide role, granted by an administrator.' });

export type Language = 'en' | 'ko';
export const LANGUAGES: readonly Language[] = ['en', 'ko'];
