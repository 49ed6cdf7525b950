import { DataSource } from 'typeorm';
import { AppConfig, databaseOptions } from '@app/core';
import { CITIES_ENTITIES } from '@app/cities';
import { EVENTS_EMAIL_TEMPLATES, EVENTS_ENTITIES } from '@app/events';
import { FUNDING_EMAIL_TEMPLATES, FUNDING_ENTITIES } from '@app/funding';
import { KNOWLEDGE_EMAIL_TEMPLATES, KNOWLEDGE_ENTITIES } from '@app/knowledge';
import { IDENTITY_EMAIL_TEMPLATES, IDENTITY_ENTITIES } from '@app/identity';
import { AnyEmailTemplate, OutboxMessage, testMessageTemplate } from '@app/notifications';
import { PAIRING_ENTITIES } from '@app/pairing';
import { PROJECTS_EMAIL_TEMPLATES, PROJECTS_ENTITIES } from '@app/projects';
import { TWINNING_EMAIL_TEMPLATES, TWINNING_ENTITIES } from '@app/twinning';
import { MIGRATIONS } from '../../../migrations';

/**
 * The composition root shared by the API, the worker, scripts and tests:
 * every entity, every email template, every migration.
 */
export const PLATFORM_ENTITIES = [...CITIES_ENTITIES, ...IDENTITY_ENTITIES, OutboxMessage, ...PAIRING_ENTITIES, ...TWINNING_ENTITIES, ...PROJECTS_ENTITIES, ...FUNDING_ENTITIES, ...KNOWLEDGE_ENTITIES, ...EVENTS_ENTITIES];

export const PLATFORM_EMAIL_TEMPLATES: AnyEmailTemplate[] = [testMessageTemplate, ...IDENTITY_EMAIL_TEMPLATES, ...TWINNING_EMAIL_TEMPLATES, ...PROJECTS_EMAIL_TEMPLATES, ...FUNDING_EMAIL_TEMPLATES, ...KNOWLEDGE_EMAIL_TEMPLATES, ...EVENTS_EMAIL_TEMPLATES];

export { MIGRATIONS };

export function platformDataSource(config: AppConfig): DataSource {
  return new DataSource(databaseOptions(config, PLATFORM_ENTITIES, MIGRATIONS));
}

export * from './seed/seed-demo';
