import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	buildPolicy,
	DEFAULT_SERIAL_DEVICES,
	DEFAULT_USB_DEVICES,
	kioskOrigin,
	parseUsbId,
	PolicyError,
	printerNamePattern,
	toLinuxJson,
	toWindowsReg,
	validatePolicy,
	WINDOWS_POLICY_KEY
} from './make-policy.js';

const folder = import.meta.dirname;
const hubUrl = 'https://emitra-hub.example.in/hi';
const origin = 'https://emitra-hub.example.in';
const POLICY_NAMES = [
	'WebUsbAllowDevicesForUrls',
	'SerialAllowUsbDevicesForUrls',
	'DefaultPrinterSelection',
	'PopupsAllowedForUrls',
	'LocalNetworkAccessAllowedForUrls'
];

describe('the kiosk policy', () => {
	it('grants the kiosk site its devices, pop-ups, the RD Service and the Canon printer', () => {
		const policy = buildPolicy({ hubUrl });
		expect(Object.keys(policy).sort()).toEqual([...POLICY_NAMES].sort());
		expect(policy.SerialAllowUsbDevicesForUrls).toEqual([{ devices: DEFAULT_SERIAL_DEVICES, urls: [origin] }]);
		expect(policy.WebUsbAllowDevicesForUrls).toEqual([{ devices: DEFAULT_USB_DEVICES, urls: [origin] }]);
		expect(policy.PopupsAllowedForUrls).toEqual([origin]);
		expect(policy.LocalNetworkAccessAllowedForUrls).toEqual([origin]);
		// Chrome documents DefaultPrinterSelection as a string that holds a JSON object.
		expect(typeof policy.DefaultPrinterSelection).toBe('string');
		expect(JSON.parse(policy.DefaultPrinterSelection)).toEqual({ kind: 'local', namePattern: 'Canon.*' });
		expect(new RegExp(JSON.parse(policy.DefaultPrinterSelection).namePattern).test('Canon LBP2900')).toBe(true);
		expect(validatePolicy(policy)).toEqual([]);
	});

	it('defaults to the USB IDs of the adapters and printer the kiosk drives (PL2303, FT232R, Epson TM)', () => {
		expect(DEFAULT_SERIAL_DEVICES).toEqual([parseUsbId('067b:2303'), parseUsbId('0403:6001')]);
		expect(DEFAULT_USB_DEVICES).toEqual([parseUsbId('04b8:0202')]);
	});

	it('takes the printer and the devices from the answers', () => {
		const policy = buildPolicy({
			hubUrl: 'http://localhost:4173',
			printerPattern: 'Canon LBP2900',
			serialDevices: [parseUsbId('1a86:7523')],
			usbDevices: [parseUsbId('0fe6')]
		});
		expect(policy.SerialAllowUsbDevicesForUrls[0]?.devices).toEqual([{ vendor_id: 0x1a86, product_id: 0x7523 }]);
		expect(policy.WebUsbAllowDevicesForUrls[0]?.devices).toEqual([{ vendor_id: 0x0fe6 }]);
		expect(policy.PopupsAllowedForUrls).toEqual(['http://localhost:4173']);
		expect(JSON.parse(policy.DefaultPrinterSelection).namePattern).toBe('Canon LBP2900');
	});

	it('refuses an address Chrome would not give WebUSB and WebSerial to', () => {
		expect(() => kioskOrigin('http://emitra-hub.example.in')).toThrow(/https/);
		expect(() => kioskOrigin('emitra-hub.example.in')).toThrow(/not a web address/);
		expect(kioskOrigin('http://127.0.0.1:4173/operator')).toBe('http://127.0.0.1:4173');
	});

	it('matches a printer name with brackets or dots as written', () => {
		const pattern = new RegExp(printerNamePattern('Canon LBP2900 (USB) v1.2'));
		expect(pattern.test('Canon LBP2900 (USB) v1.2')).toBe(true);
		expect(pattern.test('Canon LBP2900 USB v1x2')).toBe(false);
	});

	it('reads USB IDs as lsusb prints them and refuses anything else', () => {
		expect(parseUsbId('067B:2303')).toEqual({ vendor_id: 0x067b, product_id: 0x2303 });
		expect(() => parseUsbId('1659:8963x')).toThrow(PolicyError);
		expect(() => parseUsbId('67b:2303')).toThrow(/lsusb/);
	});

	it('finds each mistake the policy documentation rules out', () => {
		const good = buildPolicy({ hubUrl });
		const broken = (changes: Record<string, unknown>) => validatePolicy({ ...good, ...changes });
		expect(broken({ WebUsbAllowDevicesForUrls: [{ devices: [{ product_id: 514 }], urls: [origin] }] })).toEqual([
			expect.stringMatching(/product_id without a vendor_id/)
		]);
		expect(broken({ SerialAllowUsbDevicesForUrls: [{ devices: [{ vendor_id: 70000 }], urls: [origin] }] })).toHaveLength(1);
		expect(broken({ SerialAllowUsbDevicesForUrls: [{ devices: [{ vendor_id: 1659, product_id: -1 }], urls: [origin] }] })).toHaveLength(
			1
		);
		expect(broken({ SerialAllowUsbDevicesForUrls: [{ devices: [{ vendor_id: 1659 }] }] })).toEqual([
			expect.stringMatching(/both "devices" and "urls"/)
		]);
		expect(broken({ WebUsbAllowDevicesForUrls: [{ devices: [{ vendor_id: 1208 }], urls: ['kiosk'] }] })).toHaveLength(1);
		expect(broken({ DefaultPrinterSelection: { kind: 'local', namePattern: 'Canon.*' } })).toEqual([
			expect.stringMatching(/string holding a JSON object/)
		]);
		expect(broken({ DefaultPrinterSelection: '{"kind":"usb"}' })).toHaveLength(1);
		expect(broken({ DefaultPrinterSelection: '{"namePattern":"Canon("}' })).toEqual([expect.stringMatching(/regular expression/)]);
		expect(broken({ DefaultPrinterSelection: '{"printer":"Canon"}' })).toHaveLength(1);
		expect(broken({ PopupsAllowedForUrls: origin })).toHaveLength(1);
		expect(broken({ LocalNetworkAccessAllowedForUrls: ['*'] })).toHaveLength(1);
	});

	it('writes the same policy to the Windows registry file', () => {
		const policy = buildPolicy({ hubUrl, printerPattern: 'Canon\\s.*' });
		const bytes = toWindowsReg(policy);
		expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
		const text = bytes.toString('utf16le').slice(1);
		const lines = text.split('\r\n');
		expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
		expect(text.includes('\n') && !/[^\r]\n/.test(text)).toBe(true);

		// Read the file back the way regedit does: each [key] with its "name"="value" lines.
		const keys = new Map<string, Map<string, string>>();
		let current: Map<string, string> | undefined;
		for (const line of lines) {
			const key = /^\[(-?)(.+)\]$/.exec(line);
			if (key) {
				current = key[1] ? undefined : new Map();
				if (current) keys.set(key[2] ?? '', current);
				continue;
			}
			const value = /^"([^"]+)"="((?:[^"\\]|\\.)*)"$/.exec(line);
			if (value && current) current.set(value[1] ?? '', (value[2] ?? '').replace(/\\(.)/g, '$1'));
		}
		const root = keys.get(WINDOWS_POLICY_KEY);
		expect(JSON.parse(root?.get('WebUsbAllowDevicesForUrls') ?? '')).toEqual(policy.WebUsbAllowDevicesForUrls);
		expect(JSON.parse(root?.get('SerialAllowUsbDevicesForUrls') ?? '')).toEqual(policy.SerialAllowUsbDevicesForUrls);
		expect(root?.get('DefaultPrinterSelection')).toBe(policy.DefaultPrinterSelection);
		expect([...(keys.get(`${WINDOWS_POLICY_KEY}\\PopupsAllowedForUrls`) ?? [])]).toEqual([['1', origin]]);
		expect([...(keys.get(`${WINDOWS_POLICY_KEY}\\LocalNetworkAccessAllowedForUrls`) ?? [])]).toEqual([['1', origin]]);
		// Stale list entries from an older policy are removed before the new ones are written.
		expect(text).toContain(`[-${WINDOWS_POLICY_KEY}\\PopupsAllowedForUrls]`);
	});

	it('writes both files from the command line, and nothing when an answer is wrong', () => {
		const out = mkdtempSync(path.join(tmpdir(), 'emitra-policy-'));
		try {
			const script = path.join(folder, 'make-policy.js');
			execFileSync(process.execPath, [
				script,
				'--hub',
				hubUrl,
				'--serial',
				'1a86:7523',
				'--printer',
				'Canon LBP2900 (USB)',
				'--out',
				out
			]);
			const written = JSON.parse(readFileSync(path.join(out, 'emitra-kiosk.json'), 'utf8'));
			expect(written).toEqual(
				buildPolicy({ hubUrl, serialDevices: [parseUsbId('1a86:7523')], printerPattern: printerNamePattern('Canon LBP2900 (USB)') })
			);
			expect(readFileSync(path.join(out, 'emitra-kiosk.reg')).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));

			const refused = spawnSync(process.execPath, [script, '--hub', 'http://emitra-hub.example.in', '--out', path.join(out, 'bad')], {
				encoding: 'utf8'
			});
			expect(refused.status).toBe(1);
			expect(refused.stderr).toContain('must start with https://');
			expect(existsSync(path.join(out, 'bad'))).toBe(false);
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	});
});

describe('Chromium reads the policy', () => {
	const chromiumPath = '/usr/bin/chromium';
	const skipReason =
		process.getuid?.() !== 0
			? 'needs root to write /etc/chromium/policies/managed'
			: !existsSync(chromiumPath)
				? `needs Debian Chromium at ${chromiumPath}`
				: undefined;

	it('chrome://policy lists every kiosk policy with status OK and no error or warning', async (context) => {
		if (skipReason) context.skip(skipReason);
		const managed = '/etc/chromium/policies/managed';
		const created = ['/etc/chromium/policies', managed].filter((dir) => !existsSync(dir));
		mkdirSync(managed, { recursive: true });
		// A name of its own, so the test never touches an installed kiosk policy; the test site's
		// origin grants nothing to the pages other browser tests open.
		const file = path.join(managed, `emitra-policy-test-${process.pid}.json`);
		writeFileSync(file, toLinuxJson(buildPolicy({ hubUrl: 'https://emitra-policy-test.example.in' })));
		const browser = await chromium.launch({
			executablePath: chromiumPath,
			args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update']
		});
		try {
			const page = await browser.newPage();
			await page.goto('chrome://policy');
			// The page draws its table from custom elements with shadow roots: one <policy-row> each.
			const readRows = () =>
				page.evaluate(() => {
					const text = (root: ShadowRoot, selector: string) => root.querySelector(selector)?.textContent?.trim() ?? '';
					return [...document.querySelectorAll('policy-app')].flatMap(function rowsIn(host: Element): {
						name: string;
						status: string;
						errors: string;
						warnings: string;
					}[] {
						const root = host.shadowRoot;
						if (!root) return [];
						if (host.localName === 'policy-row') {
							return [
								{
									name: text(root, '.policy.row #name'),
									status: text(root, '.policy.row .messages'),
									errors: text(root, '.errors.row .value'),
									warnings: text(root, '.warnings.row .value')
								}
							];
						}
						return [...root.querySelectorAll('*')].flatMap(rowsIn);
					});
				});
			await expect
				.poll(async () => (await readRows()).map((row) => row.name), { timeout: 10_000 })
				.toEqual(expect.arrayContaining(POLICY_NAMES));
			const rows = (await readRows()).filter((row) => POLICY_NAMES.includes(row.name));
			expect(rows.map((row) => row.name).sort()).toEqual([...POLICY_NAMES].sort());
			for (const row of rows) expect(row, row.name).toEqual({ name: row.name, status: 'OK', errors: '', warnings: '' });
		} finally {
			await browser.close();
			rmSync(file, { force: true });
			for (const dir of created.reverse()) rmdirSync(dir);
		}
	}, 60_000);
});

describe('the Linux launcher', () => {
	const launcher = path.join(folder, 'emitra-kiosk.sh');
	const requiredFlags = [
		'--kiosk',
		'--kiosk-printing',
		'--disable-pinch',
		'--overscroll-history-navigation=0',
		'--noerrdialogs',
		'--no-first-run'
	];

	it('is valid bash', () => {
		expect(spawnSync('bash', ['-n', launcher]).status).toBe(0);
	});

	it('starts the browser with the kiosk flags and its own profile, and again when it exits', async () => {
		const home = mkdtempSync(path.join(tmpdir(), 'emitra-launcher-'));
		try {
			const bin = path.join(home, 'bin');
			mkdirSync(bin);
			const log = path.join(home, 'starts.log');
			// A browser that writes down its arguments, one start per line, and exits as after a crash.
			const fakeBrowser = path.join(bin, 'google-chrome-stable');
			writeFileSync(fakeBrowser, `#!/bin/sh\nprintf '%s\\t' "$@" >> '${log}'\necho >> '${log}'\nexit 1\n`);
			chmodSync(fakeBrowser, 0o755);
			const profile = path.join(home, 'profile');
			mkdirSync(path.join(profile, 'Default'), { recursive: true });
			writeFileSync(path.join(profile, 'Default', 'Preferences'), '{"profile":{"exit_type":"Crashed","exited_cleanly":false}}');

			const child = spawn('bash', [launcher], {
				env: {
					PATH: `${bin}:/usr/bin:/bin`,
					HOME: home,
					EMITRA_KIOSK_URL: 'https://emitra-hub.example.in',
					EMITRA_PROFILE_DIR: profile,
					EMITRA_RESTART_DELAY: '0.1'
				},
				stdio: 'ignore'
			});
			const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
			const starts = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);
			await expect.poll(() => starts().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
			child.kill('SIGTERM');
			expect(await exited).toBe(0);

			for (const start of starts()) {
				expect(start.split('\t').filter(Boolean)).toEqual([
					...requiredFlags,
					`--user-data-dir=${profile}`,
					'https://emitra-hub.example.in'
				]);
			}
			expect(JSON.parse(readFileSync(path.join(profile, 'Default', 'Preferences'), 'utf8'))).toEqual({
				profile: { exit_type: 'Normal', exited_cleanly: true }
			});
		} finally {
			rmSync(home, { recursive: true, force: true });
		}
	});

	it('says what is missing: the address, or a browser', () => {
		const empty = mkdtempSync(path.join(tmpdir(), 'emitra-launcher-'));
		try {
			const noUrl = spawnSync('/bin/bash', [launcher], { env: { PATH: empty, HOME: empty }, encoding: 'utf8' });
			expect(noUrl.status).toBe(2);
			expect(noUrl.stderr).toContain('EMITRA_KIOSK_URL');
			const noBrowser = spawnSync('/bin/bash', [launcher, 'https://emitra-hub.example.in'], {
				env: { PATH: empty, HOME: empty },
				encoding: 'utf8'
			});
			expect(noBrowser.status).toBe(3);
			expect(noBrowser.stderr).toContain('step 1');
		} finally {
			rmSync(empty, { recursive: true, force: true });
		}
	});

	it('the Windows launcher passes the same flags', () => {
		const flagsIn = (file: string) =>
			[...readFileSync(path.join(folder, file), 'utf8').matchAll(/^\s*'?(--[a-z-]+(?:=0)?)'?,?$/gm)].map((match) => match[1]);
		expect(flagsIn('emitra-kiosk.sh')).toEqual(requiredFlags);
		expect(flagsIn('emitra-kiosk.ps1')).toEqual(requiredFlags);
		expect(readFileSync(path.join(folder, 'emitra-kiosk.ps1'), 'utf8')).toContain('--user-data-dir=');
	});
});
