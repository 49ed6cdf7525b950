import { DataSource } from 'typeorm';
import { AppConfig, databaseOptions, OpenDataset } from '@app/core';
import { CITIES_ENTITIES, CITIES_OPEN_DATASET } from '@app/cities';
import { EVENTS_EMAIL_TEMPLATES, EVENTS_ENTITIES, EVENTS_OPEN_DATASET } from '@app/events';
import { DECISIONS_OPEN_DATASET, FUNDING_EMAIL_TEMPLATES, FUNDING_ENTITIES } from '@app/funding';
import { CASE_STUDIES_OPEN_DATASET, KNOWLEDGE_EMAIL_TEMPLATES, KNOWLEDGE_ENTITIES } from '@app/knowledge';
import { IDENTITY_EMAIL_TEMPLATES, IDENTITY_ENTITIES } from '@app/identity';
import { AnyEmailTemplate, OutboxMessage, testMessageTemplate } from '@app/notifications';
import { PAIR_SCORES_OPEN_DATASET, PAIRING_ENTITIES } from '@app/pairing';
import { PROJECTS_EMAIL_TEMPLATES, PROJECTS_ENTITIES } from '@app/projects';
import { TWINNING_EMAIL_TEMPLATES, TWINNING_ENTITIES } from '@app/twinning';
import { MIGRATIONS } from '../../../migrations';
/**
 * The composition root shared by the API, the worker, scripts and tests:
 * every entity, every email template, every open dataset, every migration.
 */
export const PLATFORM_ENTITIES = [...CITIES_ENTITIES, ...IDENTITY_ENTITIES, OutboxMessage, ...PAIRING_ENTITIES, ...TWINNING_ENTITIES, ...PROJECTS_ENTITIES, ...FUNDING_ENTITIES, ...KNOWLEDGE_ENTITIES, ...EVENTS_ENTITIES];
export const PLATFORM_EMAIL_TEMPLATES: AnyEmailTemplate[] = [testMessageTemplate, ...IDENTITY_EMAIL_TEMPLATES, ...TWINNING_EMAIL_TEMPLATES, ...PROJECTS_EMAIL_TEMPLATES, ...FUNDING_EMAIL_TEMPLATES, ...KNOWLEDGE_EMAIL_TEMPLATES, ...EVENTS_EMAIL_TEMPLATES];
/** What the programme publishes as open data, in the order /open-data lists it: each context's own datasets. */
export const PLATFORM_OPEN_DATASETS: OpenDataset[] = [CASE_STUDIES_OPEN_DATASET, EVENTS_OPEN_DATASET, DECISIONS_OPEN_DATASET, CITIES_OPEN_DATASET, PAIR_SCORES_OPEN_DATASET];
export { MIGRATIONS };
export function platformDataSource(config: AppConfig): DataSource {
  return new DataSource(databaseOptions(config, PLATFORM_ENTITIES, MIGRATIONS));
}
export { bootstrapAdminInvitation, isEmptyDatabase, seedDemoAccounts, seedDemoCaseStudies, seedDemoEvents, seedDemoFund, seedReferenceData } from './seed/seed-demo';
export type { DemoAccount } from './seed/seed-demo';
