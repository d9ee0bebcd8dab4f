// `npm run bench` (second part): how long a kiosk's outbox takes to drain 10,000 queued cash
// payments into the hub once the connection is back. The kiosk's own code does the work: its page
// (the production build, in Chromium) holds the payments in IndexedDB exactly as it queues them
// offline (create, a ₹10 note, complete, each with its idempotency key), and its replay runner
// sends them, oldest first, one at a time, writing every acknowledgement with strict durability.
// BENCH_DRAIN_PAYMENTS sets the number (default 10000). Prints figures; never fails a test run.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { sqliteEngine } from './engines.js';
import { startHub } from './hub.js';
import { DEMO_ENROLMENT_CODE, KIOSK_CODE } from './load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BILLER_ID = 'airtel';
/** One ₹10 note each, so 10,000 payments (₹1,00,000) fit the demo operator's ₹2,00,000 wallet. */
const BILL_PAISE = 1_000;
const PROGRESS_EVERY_MS = 15_000;

function paymentsToDrain() {
	const text = process.env.BENCH_DRAIN_PAYMENTS ?? '10000';
	const count = Number(text);
	if (!Number.isInteger(count) || count < 1 || count > 99_999) {
		throw new Error(`BENCH_DRAIN_PAYMENTS must be a whole number from 1 to 99999, not "${text}"`);
	}
	return count;
}

/** Fresh unpaid bills in the reference biller, one per queued payment. @param {number} count */
function freshBills(count) {
	const today = new Date();
	const billDate = today.toISOString().slice(0, 10);
	const dueDate = new Date(today.getTime() + 15 * 86_400_000).toISOString().slice(0, 10);
	const prefix = 'DRAIN';
	const bills = Array.from({ length: count }, (_, index) => {
		const serial = String(index + 1).padStart(5, '0');
		return {
			billerId: BILLER_ID,
			identifier: `79999${serial}`,
			consumerName: `Drain Consumer ${serial}`,
			billNumber: `${prefix}${serial}`,
			billDate,
			dueDate,
			amountPaise: BILL_PAISE
		};
	});
	return { prefix, bills };
}

/**
 * The outbox records a kiosk writes for a cash payment taken offline and finished (see
 * src/lib/checkout/outbox/types.ts): a change there must be made here too.
 * @param {ReturnType<typeof freshBills>['bills']} bills
 */
function queuedPayments(bills) {
	const start = Date.now() - bills.length * 1_000;
	return bills.map((bill, index) => {
		const at = new Date(start + index * 1_000).toISOString();
		const step = (kind, extra = {}) => ({ kind, key: randomUUID(), at, acknowledged: false, ...extra });
		return {
			reference: `Q-${KIOSK_CODE}-${String(index + 1).padStart(4, '0')}`,
			sequence: index + 1,
			createdAt: at,
			kioskCode: KIOSK_CODE,
			request: { billerId: bill.billerId, identifier: bill.identifier, billNumber: bill.billNumber, language: 'en', mode: 'cash' },
			queued: true,
			transactionId: null,
			toCollectPaise: BILL_PAISE,
			payablePaise: BILL_PAISE,
			billFetchedAt: at,
			steps: [step('create'), step('note', { valuePaise: BILL_PAISE }), step('complete')],
			lastView: null,
			deadLetter: null
		};
	});
}

async function main() {
	if (!existsSync(path.join(root, 'build', 'handler.js'))) {
		throw new Error('No production build: run `npx vite build` (npm run bench builds it first).');
	}
	const count = paymentsToDrain();
	console.log(`\n▶ Outbox drain: ${count} queued cash payments from one kiosk into the hub (SQLite)`);
	const engine = sqliteEngine();
	const hub = await startHub(root, engine.hubEnv);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		const access = await engine.connect();
		const { prefix, bills } = freshBills(count);
		await access.addBills(bills);
		// The runner needs no service worker; a second copy of the app in its cache is only noise.
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		// A fresh hub and a fresh browser: the kiosk is enrolled first, as an installer enrols it, so
		// its replay runner signs in with its own key like any kiosk in the field.
		await page.goto(`${hub.url}/enrol/en`);
		await page.getByLabel('Enrolment code').fill(DEMO_ENROLMENT_CODE);
		await page.getByRole('button', { name: 'Enrol', exact: true }).click();
		await page
			.getByRole('button', { name: 'Start the kiosk' })
			.or(page.getByRole('link', { name: 'Start the kiosk' }))
			.click();
		await page.waitForFunction(() => document.querySelector('a[href="/en"]') !== null);
		await page.evaluate(async (payments) => {
			const db = await new Promise((resolve, reject) => {
				const opening = indexedDB.open('emitra-outbox');
				opening.onsuccess = () => resolve(opening.result);
				opening.onerror = () => reject(opening.error);
			});
			const tx = db.transaction(['payments', 'counters'], 'readwrite', { durability: 'strict' });
			for (const payment of payments) tx.objectStore('payments').put(payment);
			tx.objectStore('counters').put(payments.length, 'sequence');
			await new Promise((resolve, reject) => {
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
		}, queuedPayments(bills));

		const left = () =>
			page.evaluate(
				() =>
					new Promise((resolve) => {
						const opening = indexedDB.open('emitra-outbox');
						opening.onsuccess = () => {
							const counting = opening.result.transaction('payments').objectStore('payments').count();
							counting.onsuccess = () => resolve(counting.result);
						};
					})
			);
		const started = performance.now();
		// The connection is back: the page's runner starts on `online`, as it would on a kiosk.
		await page.evaluate(() => dispatchEvent(new Event('online')));
		let lastReport = started;
		for (;;) {
			const remaining = /** @type {number} */ (await left());
			const now = performance.now();
			if (remaining === 0) break;
			if (now - lastReport > PROGRESS_EVERY_MS) {
				lastReport = now;
				console.log(`  … ${count - remaining} of ${count} sent after ${((now - started) / 1000).toFixed(0)} s`);
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		const seconds = (performance.now() - started) / 1000;
		const outcome = await access.outcome(BILLER_ID, prefix);
		console.log(
			`  ${count} queued payments drained in ${seconds.toFixed(1)} s: ${(count / seconds).toFixed(1)} payments/s, ` +
				`${((seconds * 1000) / count).toFixed(1)} ms each (3 requests: create, note, complete)`
		);
		const agrees = outcome.payments === count && outcome.posted === count && outcome.billsPaid === count && outcome.postings === count;
		console.log(
			`  hub: ${outcome.payments} payments, ${outcome.posted} posted, ${outcome.billsPaid} bills paid, ` +
				`${outcome.postings} postings — ${agrees ? 'every payment exactly once' : 'MISMATCH'}`
		);
		await access.close();
	} finally {
		await browser.close();
		await hub.stop();
		await engine.close();
	}
}

main().catch((error) => {
	console.error(`Outbox drain bench failed: ${error instanceof Error ? error.message : error}`);
	process.exitCode = 1;
});
