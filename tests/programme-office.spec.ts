import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { checkScreen, expect, newMachineIds, openProgrammeOffice, registerMachine, test, type Page } from './support';

const KIOSK_VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

/** A machine in the field, as the hub sees it: enrolled with its own key, reporting heartbeats. */
async function enrolledMachine(request: APIRequestContext, code: string, enrolmentCode: string) {
	const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
	const { kty, crv, x, y } = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
	expect((await request.post('/api/v1/kiosk/enrol', { data: { enrolmentCode, publicKey: { kty, crv, x, y } } })).status()).toBe(201);
	const signIn = async () => {
		const { nonce } = await (await request.post('/api/v1/kiosk/challenge', { data: { kioskCode: code } })).json();
		const message = new TextEncoder().encode(`emitra-kiosk-session\n${code}\n${nonce}`);
		const signature = Buffer.from(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, message)).toString(
			'base64url'
		);
		return request.post('/api/v1/kiosk/session', { data: { kioskCode: code, nonce, signature } });
	};
	const token = (await (await signIn()).json()).token as string;
	return {
		signIn,
		heartbeat: (version: string, report: { devices?: Record<string, string>; queued?: number; oldestQueuedAt?: string | null }) =>
			request.post('/api/v1/kiosk/heartbeat', {
				headers: { authorization: `Bearer ${token}`, 'x-kiosk-version': version },
				data: {
					devices: {
						noteAcceptor: 'ready',
						printerPaper: 'ok',
						rdService: 'ready',
						cardTerminal: 'connected',
						...report.devices
					},
					queuedPayments: { queued: report.queued ?? 0, oldestQueuedAt: report.oldestQueuedAt ?? null, deadLetters: 0 },
					lastTransactionAt: null
				}
			})
	};
}

function list(office: Page, name: RegExp) {
	return office.getByRole('region', { name });
}

test('the programme office sees the three lists and fleet health change as machines report', async ({ browser, request }) => {
	test.slow();
	const office = await openProgrammeOffice(browser);
	await expect(office.getByRole('heading', { name: 'Fleet reports', level: 1 })).toBeVisible();
	await checkScreen(office, 'admin-dashboard');

	// Two new machines in a district of their own, so the filter shows only them.
	const district = 'Jaisalmer';
	const first = newMachineIds();
	const second = newMachineIds();
	const firstCode = await registerMachine(office, {
		...first,
		vendor: 'Lipi',
		district,
		place: 'Atal Seva Kendra, Gram Panchayat Pokaran',
		kind: 'Atal Seva Kendra'
	});
	const secondCode = await registerMachine(office, {
		...second,
		vendor: 'Pyrotech',
		district,
		place: 'e-Mitra Plus, Gadisar Circle, Jaisalmer',
		kind: 'Urban'
	});

	const showDistrict = async () => {
		await office.goto('/admin/en');
		await office.getByLabel('District', { exact: true }).selectOption(district);
		await office.getByLabel('Days without transactions').fill('3');
		await office.getByRole('button', { name: 'Show' }).click();
		await expect(office).toHaveURL(/district=Jaisalmer/);
	};
	await showDistrict();
	for (const name of [
		/^Not mapped to an operator \(2\)/,
		/^Not on the latest version \(2\)/,
		/^No transactions in the last 3 days \(2\)/,
		/^Fleet health \(2\)/
	]) {
		await expect(list(office, name)).toBeVisible();
	}
	await expect(list(office, /^Fleet health/).getByRole('row', { name: new RegExp(first.code) })).toContainText(
		'Offline for more than an hour'
	);

	// The machines report in: one up to date with its paper out and a jammed acceptor, one behind with old queued payments.
	const firstMachine = await enrolledMachine(request, first.code, firstCode);
	const secondMachine = await enrolledMachine(request, second.code, secondCode);
	expect((await firstMachine.heartbeat(KIOSK_VERSION, { devices: { printerPaper: 'out', noteAcceptor: 'jammed' } })).status()).toBe(200);
	expect((await secondMachine.heartbeat('2.3.1', { queued: 2, oldestQueuedAt: hoursAgo(8) })).status()).toBe(200);

	await showDistrict();
	await expect(list(office, /^Not on the latest version \(1\)/)).toContainText(second.code);
	await expect(list(office, /^Not on the latest version/)).not.toContainText(first.code);
	const health = list(office, /^Fleet health \(2\)/);
	const firstHealth = health.getByRole('row', { name: new RegExp(first.code) });
	await expect(firstHealth).toContainText('Receipt paper out');
	await expect(firstHealth).toContainText('Cash acceptor fault');
	await expect(firstHealth).not.toContainText('Offline');
	await expect(health.getByRole('row', { name: new RegExp(second.code) })).toContainText('Queued payments older than 6 hours');
	await checkScreen(office, 'admin-dashboard-jaisalmer');

	// The paper is loaded and the jam cleared: the first machine is healthy again.
	await firstMachine.heartbeat(KIOSK_VERSION, {});
	await showDistrict();
	await expect(list(office, /^Fleet health \(1\)/)).not.toContainText(first.code);

	// An operator for the first machine: it leaves the "not mapped" list.
	await office.goto('/admin/en/machines');
	const row = office.getByRole('table', { name: 'All machines' }).getByRole('row', { name: new RegExp(`^${first.code}`) });
	await row.getByLabel(`Operator of ${first.code}`).selectOption('SUNITAKANWAR1993');
	await row.getByRole('button', { name: `Map operator ${first.code}` }).click();
	await showDistrict();
	await expect(list(office, /^Not mapped to an operator \(1\)/)).toContainText(second.code);

	// The lists as CSV, with the same filter.
	const download = office.waitForEvent('download');
	await list(office, /^Not mapped to an operator/)
		.getByRole('link', { name: /Download CSV/ })
		.click();
	const csv = readFileSync(await (await download).path(), 'utf8');
	expect(csv.split('\r\n')[0]).toBe(
		'\uFEFFkiosk_code,serial,vendor,district,place,kind,software_version,operator_sso_id,operator_name,enrolled,last_heartbeat_at,last_transaction_at,queued_payments,issues'
	);
	expect(csv).toContain(
		`${second.code},${second.serial.toUpperCase()},pyrotech,Jaisalmer,"e-Mitra Plus, Gadisar Circle, Jaisalmer",urban,2.3.1,,,yes,`
	);
	expect(csv).not.toContain(first.code);

	// A vendor filter.
	await office.goto(`/admin/en?district=${district}&vendor=lipi`);
	await expect(list(office, /^No transactions in the last 7 days \(1\)/)).toContainText(first.code);

	// Revoked: its token stops working at once, it cannot sign in again, and it leaves the lists.
	await office.goto('/admin/en/machines');
	await office
		.getByRole('table', { name: 'All machines' })
		.getByRole('row', { name: new RegExp(`^${second.code}`) })
		.getByRole('button', { name: `Revoke machine ${second.code}` })
		.click();
	await expect(
		office.getByRole('table', { name: 'All machines' }).getByRole('row', { name: new RegExp(`^${second.code}`) })
	).toContainText('Revoked');
	expect((await secondMachine.heartbeat('2.3.1', {})).status()).toBe(401);
	// (The challenge says nothing about a machine; its own signature learns that it is revoked.)
	const signIn = await secondMachine.signIn();
	expect(signIn.status()).toBe(403);
	expect((await signIn.json()).error.code).toBe('kiosk_revoked');
	await showDistrict();
	await expect(list(office, /^No transactions in the last 3 days \(1\)/)).not.toContainText(second.code);

	// Setting the current version (to the one the fleet runs, so other tests' kiosks keep working).
	await office.goto('/admin/en/machines');
	await office.getByLabel('New current version (e.g. 2.4.0)').fill(KIOSK_VERSION);
	await office.getByRole('button', { name: 'Set version' }).click();
	await expect(office.getByText(`Machines must run ${KIOSK_VERSION} to start transactions.`)).toBeVisible();
	await expect(
		office
			.getByRole('table', { name: /Audit log/ })
			.getByRole('row')
			.filter({ hasText: 'Current kiosk version set' })
			.first()
	).toContainText(KIOSK_VERSION);
	await checkScreen(office, 'admin-machines');
	await office.context().close();
});

test('the chart of transactions per day has a table for screen readers, and the dashboard reads in Hindi', async ({ browser }) => {
	test.slow();
	const office = await openProgrammeOffice(browser, 'hi');
	await expect(office.getByRole('heading', { name: 'मशीनों की रिपोर्ट', level: 1 })).toBeVisible();
	const byDistrict = office.getByRole('figure', { name: 'जिलेवार प्रतिदिन पूर्ण लेन-देन' });
	await expect(byDistrict.getByRole('table')).toBeVisible();
	await expect(byDistrict.getByRole('rowheader', { name: 'Jaipur' })).toBeVisible();
	await checkScreen(office, 'hi-admin-dashboard');
	await office.setViewportSize({ width: 1280, height: 1024 });
	await checkScreen(office, 'hi-admin-dashboard-1280');
	await office.context().close();
});

test('a machine operator cannot open the programme office', async ({ page }) => {
	await page.goto('/admin/en/machines');
	await expect(page).toHaveURL(/\/admin\/en\/login\?next=%2Fadmin%2Fen%2Fmachines$/);
	await checkScreen(page, 'admin-login');
	await page.getByLabel('SSO ID').fill('SURESHSHARMA1984');
	await page.getByLabel('Password').fill('Emitra@2026');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('alert')).toContainText('This account is not a programme office account');
});
