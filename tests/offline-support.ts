import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { enrolTestKiosks } from '../scripts/enrol-test-kiosks.js';
import { expect } from './support';

/** The shared e2e hub's database (scripts/e2e-server.js). */
export const E2E_DATABASE = path.resolve('test-results/e2e-database/emitra.sqlite');

/** The kiosk's service worker controls the page and its precache holds the whole app shell. */
export async function waitForServiceWorker(page: Page) {
	await page.waitForFunction(
		async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			return registration?.active?.state === 'activated' && Boolean(navigator.serviceWorker.controller);
		},
		undefined,
		{ timeout: 30_000 }
	);
	// Chromium reports the worker active while precache writes may still be landing: wait for them.
	let previous = -1;
	await expect
		.poll(
			async () => {
				const count = await page.evaluate(async () => {
					let entries = 0;
					for (const name of await caches.keys()) entries += (await (await caches.open(name)).keys()).length;
					return entries;
				});
				const settled = count > 0 && count === previous;
				previous = count;
				return settled;
			},
			{ timeout: 30_000, intervals: [500] }
		)
		.toBe(true);
}

/**
 * The network drops. `setOffline` stops the page's requests but not the service worker's, so
 * every hub request is also aborted at the context, which catches both.
 */
export async function dropNetwork(context: BrowserContext) {
	await context.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
	await context.setOffline(true);
}

export async function restoreNetwork(context: BrowserContext) {
	await context.unroute('**/api/v1/**');
	await context.setOffline(false);
}

/** How many payments the kiosk's outbox still holds (queued and dead letters). */
export function outboxCount(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const opening = indexedDB.open('emitra-outbox');
				opening.onerror = () => reject(opening.error);
				opening.onsuccess = () => {
					const db = opening.result;
					if (!db.objectStoreNames.contains('payments')) return resolve(0);
					const counting = db.transaction('payments').objectStore('payments').count();
					counting.onsuccess = () => resolve(counting.result);
					counting.onerror = () => reject(counting.error);
				};
			})
	);
}

export interface ConsumerPayments {
	/** Every payment the hub has for the consumer, by status. */
	statuses: string[];
	posted: number;
	/** Cash the hub counted for the consumer, over all its payments. */
	collectedPaise: number;
	notesPaise: number;
	vouchers: number;
}

/** What the hub's database holds for one consumer's payments (read-only). */
export function hubPayments(databaseFile: string, billerId: string, identifier: string): ConsumerPayments {
	const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
	try {
		const payments = db
			.prepare('SELECT id, status, collected_paise FROM payments WHERE biller_id = ? AND identifier = ?')
			.all(billerId, identifier) as { id: string; status: string; collected_paise: number }[];
		const ids = payments.map((payment) => payment.id);
		const marks = ids.map(() => '?').join(',') || "''";
		const notes = db
			.prepare(`SELECT COALESCE(SUM(value_paise), 0) AS total FROM payment_notes WHERE payment_id IN (${marks})`)
			.get(...ids) as { total: number };
		const vouchers = db.prepare(`SELECT COUNT(*) AS count FROM vouchers WHERE payment_id IN (${marks})`).get(...ids) as {
			count: number;
		};
		return {
			statuses: payments.map((payment) => payment.status),
			posted: payments.filter((payment) => payment.status === 'posted').length,
			collectedPaise: payments.reduce((total, payment) => total + Number(payment.collected_paise), 0),
			notesPaise: Number(notes.total),
			vouchers: Number(vouchers.count)
		};
	} finally {
		db.close();
	}
}

/** Waits until the hub shows the consumer's bill paid exactly once with exactly this cash, and the outbox empty. */
export async function expectPaidExactlyOnce(
	page: Page,
	databaseFile: string,
	billerId: string,
	identifier: string,
	cashPaise: number,
	timeout = 45_000
) {
	await expect
		.poll(() => hubPayments(databaseFile, billerId, identifier), { timeout, intervals: [250, 500, 1_000] })
		.toEqual({ statuses: ['posted'], posted: 1, collectedPaise: cashPaise, notesPaise: cashPaise, vouchers: 0 });
	await expect.poll(() => outboxCount(page), { timeout }).toBe(0);
}

/**
 * Sets an operator's wallet balance straight in a spec's own hub database, as money spent at the
 * counter meanwhile would; returns the balance before. Never for the shared e2e hub.
 */
export function setWalletBalance(databaseFile: string, ssoId: string, balancePaise: number): number {
	const db = new Database(databaseFile, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	try {
		const before = db.prepare('SELECT balance_paise FROM operator_wallets WHERE operator_sso_id = ?').get(ssoId) as {
			balance_paise: number;
		};
		db.prepare('UPDATE operator_wallets SET balance_paise = ?, updated_at = ? WHERE operator_sso_id = ?').run(
			balancePaise,
			new Date().toISOString(),
			ssoId
		);
		return Number(before.balance_paise);
	} finally {
		db.close();
	}
}

/** A hub process of a spec's own (its own database and port), which the spec may kill and restart. */
export class OwnHub {
	readonly url: string;
	readonly databaseFile: string;
	#process: ChildProcess | undefined;
	readonly #port: number;

	readonly #folder: string;

	constructor(name: string, port: number) {
		this.#folder = path.resolve('test-results', name);
		this.databaseFile = path.join(this.#folder, 'emitra.sqlite');
		this.#port = port;
		this.url = `http://localhost:${port}`;
	}

	/** A fresh database with the demo data and the test kiosks enrolled, as the shared e2e hub has. */
	async startFresh() {
		rmSync(this.#folder, { recursive: true, force: true });
		mkdirSync(this.#folder, { recursive: true });
		await this.start();
		await enrolTestKiosks(this.url);
	}

	/** Starts (or restarts) the hub on its database as it is. */
	async start() {
		this.#process = spawn(process.execPath, ['build/index.js'], {
			env: {
				...process.env,
				PORT: String(this.#port),
				ORIGIN: this.url,
				DATABASE_FILE: this.databaseFile,
				DATABASE_URL: '',
				SMS_SIMULATOR: '1',
				PUBLIC_RATE_LIMIT_PER_MINUTE: '100000'
			},
			stdio: 'ignore'
		});
		await expect
			.poll(async () => (await fetch(`${this.url}/api/v1/health`).catch(() => undefined))?.ok ?? false, { timeout: 30_000 })
			.toBe(true);
	}

	/** As a power cut would: no chance to finish what it was doing. */
	kill() {
		this.#process?.kill('SIGKILL');
		this.#process = undefined;
	}

	stop() {
		this.#process?.kill('SIGTERM');
		this.#process = undefined;
	}
}
