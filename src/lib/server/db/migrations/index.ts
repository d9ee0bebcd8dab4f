import type { Migration, MigrationProvider } from 'kysely';
import * as transactions from './0001_transactions';
import * as kiosks from './0002_kiosks';
import * as billers from './0003_billers';
import * as payments from './0004_payments';
import * as departments from './0005_departments';
import * as machinesOperators from './0006_machines_operators';
import * as hubSettings from './0007_hub_settings';
import * as rateCounters from './0008_rate_counters';

/**
 * Every migration, by name. The hub is bundled by Vite, so there is no migrations folder to read
 * at run time. Kysely runs them in name order: add a new file with the next number and list it
 * here; never edit one that has been released.
 */
export const migrations: Record<string, Migration> = {
	'0001_transactions': transactions,
	'0002_kiosks': kiosks,
	'0003_billers': billers,
	'0004_payments': payments,
	'0005_departments': departments,
	'0006_machines_operators': machinesOperators,
	'0007_hub_settings': hubSettings,
	'0008_rate_counters': rateCounters
};

export const inCodeMigrationProvider: MigrationProvider = {
	getMigrations: async () => migrations
};
