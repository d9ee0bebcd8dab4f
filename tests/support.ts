import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { baseURL, KIOSK_SCREEN } from '../playwright.config';
import { IDENTITY_DATABASE, IDENTITY_DATABASE_VERSION, IDENTITY_KEY, IDENTITY_STORE } from '../src/lib/machine/identity-store';

/**
 * The demo machines scripts/e2e-server.js enrolled with the test key pair, and that key pair.
 * TEST ONLY: a real kiosk makes its own key and never sees another's.
 */
const testKiosks: {
	privateKeyJwk: JsonWebKey;
	publicKeyJwk: JsonWebKey;
	kiosks: Record<string, { enrolmentCode: string; district: string; place: string }>;
} = JSON.parse(readFileSync(new URL('./fixtures/test-kiosks.json', import.meta.url), 'utf8'));

/** The version this checkout's kiosk sends; the hub refuses transactions from older ones. */
const KIOSK_VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/**
 * The headers with which an enrolled test kiosk calls the hub outside its pages (to read the SMS
 * outbox, or to use up its lookups): a session token got as the kiosk gets one, by signing the
 * hub's challenge with the test key, and the kiosk's version.
 */
export async function kioskApiHeaders(request: APIRequestContext, kioskCode: string): Promise<Record<string, string>> {
	const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
	const privateKey = await webcrypto.subtle.importKey('jwk', testKiosks.privateKeyJwk as webcrypto.JsonWebKey, algorithm, false, [
		'sign'
	]);
	const challenge = await request.post('/api/v1/kiosk/challenge', { data: { kioskCode } });
	const { nonce } = (await challenge.json()) as { nonce: string };
	const message = new TextEncoder().encode(`emitra-kiosk-session\n${kioskCode}\n${nonce}`);
	const signature = Buffer.from(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, message)).toString(
		'base64url'
	);
	const session = await request.post('/api/v1/kiosk/session', { data: { kioskCode, nonce, signature } });
	const { token } = (await session.json()) as { token?: string };
	if (!token) throw new Error(`${kioskCode} could not sign in: ${session.status()}`);
	return { authorization: `Bearer ${token}`, 'x-kiosk-version': KIOSK_VERSION };
}

/** Every demo account's password (src/demo/kiosks.ts). */
export const DEMO_PASSWORD = 'Emitra@2026';
/** The PIN SURESHSHARMA1984 set on K1234567 (demo data). */
export const DEMO_PIN = '2468';

/**
 * Makes this browser the enrolled machine `kioskCode`: the record a real enrolment leaves in the
 * kiosk's IndexedDB key store, with the private key imported non-extractable. Written from a page
 * of the kiosk's origin before any kiosk page loads, so the app finds it from its first script.
 */
async function installKioskIdentity(context: BrowserContext, kioskCode: string): Promise<void> {
	const kiosk = testKiosks.kiosks[kioskCode];
	if (!kiosk) throw new Error(`${kioskCode} is not one of the test kiosks (tests/fixtures/test-kiosks.json)`);
	const page = await context.newPage();
	try {
		await page.goto('/api/v1/health');
		await page.evaluate(
			async ({ store, record, keys }) => {
				const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
				const privateKey = await crypto.subtle.importKey('jwk', keys.privateKeyJwk, algorithm, false, ['sign']);
				const publicKey = await crypto.subtle.importKey('jwk', keys.publicKeyJwk, algorithm, true, ['verify']);
				const db = await new Promise<IDBDatabase>((resolve, reject) => {
					const request = indexedDB.open(store.database, store.version);
					request.onupgradeneeded = () => {
						if (!request.result.objectStoreNames.contains(store.name)) request.result.createObjectStore(store.name);
					};
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
				await new Promise((resolve, reject) => {
					const transaction = db.transaction(store.name, 'readwrite');
					transaction.objectStore(store.name).put({ ...record, privateKey, publicKey }, store.key);
					transaction.oncomplete = resolve;
					transaction.onerror = () => reject(transaction.error);
				});
				db.close();
			},
			{
				store: { database: IDENTITY_DATABASE, version: IDENTITY_DATABASE_VERSION, name: IDENTITY_STORE, key: IDENTITY_KEY },
				record: { kioskCode, district: kiosk.district, place: kiosk.place, enrolledAt: new Date().toISOString() },
				keys: { privateKeyJwk: testKiosks.privateKeyJwk, publicKeyJwk: testKiosks.publicKeyJwk }
			}
		);
	} finally {
		await page.close();
	}
}

/** The browser tests' simulated note acceptor: a movement in a tenth of a tester's half second. */
const FAST_NOTE_STEP_MS = 50;

/** Makes every page of a context use the simulated note acceptor at `stepMs` a movement. */
async function useSimulatedNoteSteps(context: BrowserContext, stepMs: number): Promise<void> {
	await context.addInitScript((ms) => {
		const config = JSON.parse(localStorage.getItem('emitra.kioskConfig') ?? '{}');
		config.devices = { simulatedNoteStepMs: ms, ...config.devices };
		localStorage.setItem('emitra.kioskConfig', JSON.stringify(config));
	}, stepMs);
}

/**
 * Wipes what a test left in a shared kiosk browser — cookies, localStorage, every IndexedDB
 * database but the machine's identity (outbox, kept bills), caches — as a fresh browser would
 * have it, but with the app's files still in the HTTP cache.
 */
async function wipeKioskBrowser(context: BrowserContext): Promise<void> {
	for (const open of context.pages()) await open.close();
	await context.clearCookies();
	await context.setOffline(false);
	const page = await context.newPage();
	try {
		await page.goto('/api/v1/health');
		await page.evaluate(async (identityDatabase) => {
			localStorage.clear();
			for (const { name } of await indexedDB.databases()) {
				if (!name || name === identityDatabase) continue;
				await new Promise((settled) => {
					const deletion = indexedDB.deleteDatabase(name);
					deletion.onsuccess = deletion.onerror = deletion.onblocked = settled;
				});
			}
			for (const key of await caches.keys()) await caches.delete(key);
		}, IDENTITY_DATABASE);
	} finally {
		await page.close();
	}
}

/**
 * Every suite imports `test` and `expect` from here, so kiosk-wide fixtures have one home. Each
 * test's browser is the enrolled kiosk K1234567 unless the suite says otherwise with
 * `test.use({ enrolledKiosk: 'K4521096' })`, or `null` for a machine not yet enrolled.
 *
 * A test with the usual options (an enrolled kiosk at 1280×1024 on the suite's hub, no service
 * worker) runs in its worker's browser for that kiosk, wiped before the test: the app's files stay
 * in the HTTP cache, so a test does not pay for a new browser and a cold load of the whole app. A
 * test that changes any of those options gets a new browser of its own, as Playwright's default.
 */
export const test = base.extend<
	{ enrolledKiosk: string | null; simulatedNoteStepMs: number },
	{ kioskBrowsers: (kioskCode: string) => Promise<BrowserContext> }
>({
	enrolledKiosk: ['K1234567', { option: true }],
	// The drivers, the protocol and every state are the same at any speed; the tests only wait less.
	simulatedNoteStepMs: [FAST_NOTE_STEP_MS, { option: true }],
	kioskBrowsers: [
		async ({ browser }, use) => {
			const contexts = new Map<string, Promise<BrowserContext>>();
			await use((kioskCode) => {
				let context = contexts.get(kioskCode);
				if (!context) {
					context = (async () => {
						const created = await browser.newContext({ baseURL, viewport: KIOSK_SCREEN, serviceWorkers: 'block' });
						await installKioskIdentity(created, kioskCode);
						await useSimulatedNoteSteps(created, FAST_NOTE_STEP_MS);
						return created;
					})();
					contexts.set(kioskCode, context);
				}
				return context;
			});
			for (const context of contexts.values()) await (await context).close();
		},
		{ scope: 'worker' }
	],
	context: async (
		{ browser, kioskBrowsers, enrolledKiosk, simulatedNoteStepMs, baseURL: testBaseURL, viewport, screen, serviceWorkers },
		use
	) => {
		const usual =
			enrolledKiosk !== null &&
			testBaseURL === baseURL &&
			viewport?.width === KIOSK_SCREEN.width &&
			viewport?.height === KIOSK_SCREEN.height &&
			!screen &&
			serviceWorkers === 'block' &&
			simulatedNoteStepMs === FAST_NOTE_STEP_MS;
		if (usual) {
			const context = await kioskBrowsers(enrolledKiosk);
			await wipeKioskBrowser(context);
			await use(context);
			for (const open of context.pages()) await open.close();
			return;
		}
		const context = await browser.newContext({ baseURL: testBaseURL, viewport, screen, serviceWorkers });
		if (enrolledKiosk !== null) await installKioskIdentity(context, enrolledKiosk);
		await useSimulatedNoteSteps(context, simulatedNoteStepMs);
		await use(context);
		await context.close();
	}
});
export { expect };
export type { Page };

/** Makes a browser context the test made itself an enrolled demo machine, before its first page loads (suites use test.use({ enrolledKiosk })). */
export async function useEnrolledKiosk(context: BrowserContext, kioskCode: string): Promise<void> {
	await installKioskIdentity(context, kioskCode);
}

/**
 * The programme office in a browser of its own (not a kiosk: no key store, a desktop screen),
 * logged in as the demo programme office account.
 */
export async function openProgrammeOffice(browser: Browser, lang: 'en' | 'hi' = 'en'): Promise<Page> {
	const context = await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 } });
	const page = await context.newPage();
	await page.goto(`/admin/${lang}/login`);
	await page.getByLabel(lang === 'en' ? 'SSO ID' : 'एसएसओ आईडी').fill('PODIRECTOR2026');
	await page.getByLabel(lang === 'en' ? 'Password' : 'पासवर्ड').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: lang === 'en' ? 'Log in' : 'लॉग इन करें' }).click();
	await page.waitForURL(`**/admin/${lang}`);
	return page;
}

/** Registers a machine on the programme office's machines page and returns its one-time enrolment code. */
export async function registerMachine(
	office: Page,
	machine: { code: string; serial: string; vendor: string; district: string; place: string; kind: string }
): Promise<string> {
	await office.goto('/admin/en/machines');
	await office.getByLabel('Kiosk code (K and 7 digits)').fill(machine.code);
	await office.getByLabel('Serial number').fill(machine.serial);
	await office.getByLabel('Machine vendor').selectOption({ label: machine.vendor });
	await office.getByLabel('District').fill(machine.district);
	await office.getByLabel('Place').fill(machine.place);
	await office.getByLabel('Where it stands').selectOption({ label: machine.kind });
	await office.getByRole('button', { name: 'Register and get an enrolment code' }).click();
	const code = office.getByTestId('enrolment-code');
	await expect(code).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
	return (await code.textContent()) ?? '';
}

/** A kiosk code and serial no other test uses. */
export function newMachineIds(): { code: string; serial: string } {
	const digits = String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
	return { code: `K${digits}`, serial: `TEST-${digits}-${Date.now() % 100_000}` };
}

/** Logs in on this machine's operator console (K1234567's operator by default) and waits for the console. */
export async function loginAsOperator(
	page: Page,
	options: { ssoId?: string; password?: string; lang?: 'en' | 'hi'; next?: string; newPin?: string } = {}
): Promise<void> {
	const lang = options.lang ?? 'en';
	const next = options.next ?? `/operator/${lang}`;
	await page.goto(`/operator/${lang}/login?next=${encodeURIComponent(next)}`);
	await page.getByLabel(lang === 'en' ? 'SSO ID' : 'एसएसओ आईडी').fill(options.ssoId ?? 'SURESHSHARMA1984');
	await page.getByLabel(lang === 'en' ? 'Password' : 'पासवर्ड').fill(options.password ?? DEMO_PASSWORD);
	await page.getByRole('button', { name: lang === 'en' ? 'Log in' : 'लॉग इन करें' }).click();
	// An operator's first login on a machine ends at "choose your PIN" (English tests only).
	if (options.newPin) {
		await expect(page.getByRole('heading', { name: 'Choose your PIN for this machine' })).toBeVisible();
		await page.getByLabel('New PIN (4 to 6 digits)').fill(options.newPin);
		await page.getByLabel('Type the PIN again').fill(options.newPin);
		await page.getByRole('button', { name: 'Save PIN' }).click();
	}
	await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** axe-core's source, evaluated into a page the first time one of its screens is checked. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Looks at a screen the way the team must: no accessibility violations (axe-core, every rule it
 * runs by default), and with SCREENS=1 a screenshot at the kiosk's size (test-results/screens)
 * once the bundled Devanagari font has loaded. axe is put into the page once, not on every check
 * (the kiosk is one page app: it stays across screens), and asked only for violations.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
	await page.evaluate(() => document.fonts.ready);
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
		const results = await axe.run(document, { resultTypes: ['violations'] });
		return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`);
	});
	expect(violations, `accessibility of ${name}`).toEqual([]);
	if (process.env.SCREENS) await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Sets part of this kiosk's local configuration (as an operator would) before any page loads. */
export async function useKioskConfig(page: Page, settings: Record<string, unknown>) {
	await page.addInitScript((overrides) => {
		const config = JSON.parse(localStorage.getItem('emitra.kioskConfig') ?? '{}');
		const devices = { ...config.devices, ...(overrides.devices as object | undefined) };
		localStorage.setItem('emitra.kioskConfig', JSON.stringify({ ...config, ...overrides, devices }));
	}, settings);
}

/** Shortens the idle timings, so the inactivity tests need not wait a minute. */
export async function useIdleTimings(page: Page, idleSeconds: number, idleCountdownSeconds: number) {
	await useKioskConfig(page, { idleSeconds, idleCountdownSeconds });
}

/** Types digits with the on-screen keypad, as a citizen would. */
export async function typeOnKeypad(page: Page, digits: string, keypadName: RegExp) {
	const keypad = page.getByRole('group', { name: keypadName });
	for (const digit of digits) await keypad.getByRole('button', { name: digit, exact: true }).click();
}

/** Sets this kiosk's device choice (as the operator's set-up would) before any page loads. */
export async function useDevices(page: Page, devices: Record<string, string>) {
	await useKioskConfig(page, { devices });
}

/** Opens the simulated-devices panel. */
export async function openTesterPanel(page: Page) {
	await page.getByRole('button', { name: 'Tester' }).click();
	return page.getByRole('complementary', { name: 'Simulated devices' });
}

/** Waits until the simulated acceptor takes notes and none is on its way, as a tester would. */
export async function waitForAcceptorReady(panel: Locator) {
	await expect(panel.getByTestId('acceptor-state')).toHaveText('Accepting notes');
}

/** Opens a biller's form from the main menu and fetches the bill for `identifier`. */
export async function fetchBill(page: Page, biller: string, identifier: string, extra: { mobile?: string } = {}) {
	await page.goto('/en');
	await page.getByRole('link', { name: 'Bill payment' }).click();
	await page.getByRole('link', { name: biller }).click();
	// The bill's own number is always the first field; billers whose number is a mobile ask no other.
	await page.getByRole('textbox').first().fill(identifier);
	const mobile = page.getByLabel(/Your mobile number/);
	if (extra.mobile && (await mobile.count()) > 0) await mobile.fill(extra.mobile);
	await page.getByRole('button', { name: 'Get bill' }).click();
}

/** From the bill screen through "check your answers" to the payment-mode screen. */
export async function toPaymentModes(page: Page) {
	await expect(page.getByRole('heading', { name: 'Your bill' })).toBeVisible();
	await page.getByRole('button', { name: 'Click to pay' }).click();
	await page.getByRole('button', { name: 'Correct' }).click();
	await expect(page.getByRole('heading', { name: 'How would you like to pay?' })).toBeVisible();
}

export async function insertNote(panel: Locator, rupees: number) {
	await waitForAcceptorReady(panel);
	await panel.getByRole('button', { name: `Insert ₹${rupees}`, exact: true }).click();
}

/** A device's section on the operator's diagnostics page. */
export function deviceCard(page: Page, name: string) {
	return page.getByRole('region', { name, exact: true });
}

/** The Hindi path to a biller's payment modes: bill, "pay", "correct". */
export async function toHindiPaymentModes(page: Page, biller: string, identifier: string, mobile?: string) {
	await page.goto('/hi/menu/bills');
	await page.getByRole('link', { name: biller }).click();
	await page.getByRole('textbox').first().fill(identifier);
	if (mobile) await page.getByLabel(/आपका मोबाइल नम्बर/).fill(mobile);
	await page.getByRole('button', { name: 'बिल प्राप्त करें' }).click();
	await page.getByRole('button', { name: 'भुगतान करने के लिये क्लिक करें' }).click();
	await page.getByRole('button', { name: 'सही' }).click();
	await expect(page.getByRole('heading', { name: 'आप भुगतान कैसे करना चाहते हैं?' })).toBeVisible();
}

/**
 * With SCREENS=1, a picture of a whole document (a certificate, a land record) at its A4 size, to
 * look at it as a citizen holding the print would. The kiosk scrolls inside <main>, so the page is let grow first.
 */
export async function screenshotDocument(page: Page, sheet: Locator, name: string): Promise<void> {
	if (!process.env.SCREENS) return;
	await page.evaluate(() => document.fonts.ready);
	const grow = await page.addStyleTag({
		content: 'html, body, body * { height: auto !important; max-height: none !important; overflow: visible !important; }'
	});
	await sheet.screenshot({ path: `test-results/screens/${name}.png` });
	await grow.evaluate((style) => (style as HTMLStyleElement).remove());
}
