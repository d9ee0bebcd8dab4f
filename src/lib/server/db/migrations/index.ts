import type { Migration, MigrationProvider } from 'kysely';
import * as transactions from './0001_transactions';

/**
 * Every migration, by name. The hub is bundled by Vite, so there is no migrations folder to read
 * at run time. Kysely runs them in name order: add a new file with the next number and list it
 * here; never edit one that has been released.
 */
export const migrations: Record<string, Migration> = {
	'0001_transactions': transactions
};

export const inCodeMigrationProvider: MigrationProvider = {
	getMigrations: async () => migrations
};
