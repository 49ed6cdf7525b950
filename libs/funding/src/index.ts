/*
 * The seed fund's public surface: its modules for the API and the worker,
 * its entities and email templates for the DataSource and the outbox, and
 * the ledger the demo data pays into. Everything else is the lib's own.
 */
export { FundingModule } from './funding.module';
export { FundingWorkerModule } from './funding-worker.module';
export { FUNDING_ENTITIES } from './funding.entities';
export { FUNDING_EMAIL_TEMPLATES } from './emails/funding.emails';
export { FundAuditService } from './audit/audit.service';
export { LedgerService } from './ledger/ledger.service';
export { LedgerEntryKind, LedgerReason } from './ledger/ledger-entry.entity';
export { DECISIONS_OPEN_DATASET } from './decisions/decisions-open-data';
