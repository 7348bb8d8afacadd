// Every table, for Drizzle and drizzle-kit. Modules own their tables; this file only gathers them.
export * from '../../modules/municipalities/municipalities.schema.ts';
export * from '../../modules/accounts/accounts.schema.ts';
export * from '../../modules/companies/companies.schema.ts';
export * from '../../modules/youth/youth.schema.ts';
export * from '../audit/audit.schema.ts';
export * from '../mail/mail.schema.ts';
export * from '../settings/settings.schema.ts';
export * from '../../modules/internships/internships.schema.ts';
export * from '../notifications/notifications.schema.ts';
export * from '../../modules/matching/matching.schema.ts';
export * from '../../modules/groups/groups.schema.ts';
export * from '../../modules/support/support.schema.ts';
export * from '../../modules/movement/movement.schema.ts';
export * from '../../modules/reports/reports.schema.ts';
export * from '../../modules/evaluation/trials.schema.ts';
export * from '../../modules/evaluation/costs.schema.ts';
