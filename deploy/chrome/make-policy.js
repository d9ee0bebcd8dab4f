#!/usr/bin/env node
// Makes the kiosk's Chrome policy from one set of answers (the hub's address, the A4 printer's name,
// the devices' USB IDs) and writes it twice: JSON for Linux (/etc/opt/chrome/policies/managed/,
// /etc/chromium/policies/managed/) and a .reg file for Windows (HKLM\SOFTWARE\Policies\Google\Chrome).
// No dependencies: it runs with the Node.js the kiosk software already needs.
//
//   node deploy/chrome/make-policy.js --hub https://emitra-hub.example.in
//   node deploy/chrome/make-policy.js --hub https://hub.example --printer "Canon LBP2900 (USB)" \
//     --serial 067b:2303 --serial 0403:6001 --usb 04b8:0202 --out ./policy
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * @typedef {{ vendor_id: number, product_id?: number }} UsbDevice
 * @typedef {{ devices: UsbDevice[], urls: string[] }} DeviceGrant
 * @typedef {{
 *   WebUsbAllowDevicesForUrls: DeviceGrant[],
 *   SerialAllowUsbDevicesForUrls: DeviceGrant[],
 *   DefaultPrinterSelection: string,
 *   PopupsAllowedForUrls: string[],
 *   LocalNetworkAccessAllowedForUrls: string[]
 * }} KioskPolicy
 * @typedef {{ hubUrl: string, printerPattern?: string, serialDevices?: UsbDevice[], usbDevices?: UsbDevice[] }} PolicyAnswers
 */

/**
 * The devices the kiosk software drives out of the box (README, Devices): the note acceptor's
 * Prolific PL2303 and the card terminal's FTDI FT232R USB–serial adapters, and the Epson TM
 * receipt printer on WebUSB. Another model: pass its IDs as `lsusb` shows them.
 */
export const DEFAULT_SERIAL_DEVICES = Object.freeze([
	{ vendor_id: 0x067b, product_id: 0x2303 },
	{ vendor_id: 0x0403, product_id: 0x6001 }
]);
export const DEFAULT_USB_DEVICES = Object.freeze([{ vendor_id: 0x04b8, product_id: 0x0202 }]);

/** Chrome's display name for the A4 printer must match this (JavaScript RegExp, case-sensitive). */
export const DEFAULT_PRINTER_PATTERN = 'Canon.*';

export const WINDOWS_POLICY_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome';
export const LINUX_POLICY_FOLDERS = Object.freeze(['/etc/opt/chrome/policies/managed', '/etc/chromium/policies/managed']);
export const POLICY_FILE_NAME = 'emitra-kiosk.json';

/** The kiosk's origin, the only form every one of these policies accepts alike. @param {string} hubUrl */
export function kioskOrigin(hubUrl) {
	let url;
	try {
		url = new URL(hubUrl);
	} catch {
		throw new PolicyError([`The hub address "${hubUrl}" is not a web address (for example https://emitra-hub.example.in).`]);
	}
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
		throw new PolicyError([
			`The hub address "${hubUrl}" must start with https:// — Chrome offers WebUSB and WebSerial only to secure sites (or to localhost).`
		]);
	}
	return url.origin;
}

/** @param {PolicyAnswers} answers @returns {KioskPolicy} */
export function buildPolicy({ hubUrl, printerPattern = DEFAULT_PRINTER_PATTERN, serialDevices, usbDevices }) {
	const origin = kioskOrigin(hubUrl);
	const policy = {
		WebUsbAllowDevicesForUrls: [{ devices: [...(usbDevices ?? DEFAULT_USB_DEVICES)], urls: [origin] }],
		SerialAllowUsbDevicesForUrls: [{ devices: [...(serialDevices ?? DEFAULT_SERIAL_DEVICES)], urls: [origin] }],
		// Chrome reads this policy as a string holding a JSON object, not as an object.
		DefaultPrinterSelection: JSON.stringify({ kind: 'local', namePattern: printerPattern }),
		PopupsAllowedForUrls: [origin],
		// The Aadhaar RD Service answers on 127.0.0.1:11100–11120; Local Network Access lets the
		// kiosk's page reach it (Chrome 139+; older Chrome ignores an unknown policy with a warning).
		LocalNetworkAccessAllowedForUrls: [origin]
	};
	const problems = validatePolicy(policy);
	if (problems.length > 0) throw new PolicyError(problems);
	return policy;
}

export class PolicyError extends Error {
	/** @param {string[]} problems */
	constructor(problems) {
		super(problems.join('\n'));
		this.problems = problems;
	}
}

/**
 * Checks each policy against the shape Chrome's policy documentation gives it, so a mistake shows
 * here instead of as an "Error" on chrome://policy of a kiosk far away. Returns what is wrong.
 * @param {Record<string, unknown>} policy
 */
export function validatePolicy(policy) {
	/** @type {string[]} */
	const problems = [];
	for (const name of ['WebUsbAllowDevicesForUrls', 'SerialAllowUsbDevicesForUrls']) {
		const grants = policy[name];
		if (!Array.isArray(grants) || grants.length === 0) {
			problems.push(`${name} must be a list of { devices, urls } entries.`);
			continue;
		}
		grants.forEach((grant, index) => {
			const where = `${name}[${index}]`;
			if (!isRecord(grant) || !Array.isArray(grant.devices) || !Array.isArray(grant.urls)) {
				problems.push(`${where} needs both "devices" and "urls" lists.`);
				return;
			}
			if (grant.devices.length === 0) problems.push(`${where}.devices is empty: no device would be allowed.`);
			for (const device of grant.devices) {
				if (!isRecord(device) || !isUsbId(device.vendor_id)) {
					problems.push(
						`${where}: every device needs a vendor_id from 0 to 65535 (a product_id without a vendor_id is not allowed).`
					);
				} else if (device.product_id !== undefined && !isUsbId(device.product_id)) {
					problems.push(`${where}: product_id ${String(device.product_id)} is not from 0 to 65535.`);
				}
				if (isRecord(device) && Object.keys(device).some((key) => key !== 'vendor_id' && key !== 'product_id')) {
					problems.push(`${where}: a device has only vendor_id and product_id.`);
				}
			}
			for (const url of grant.urls)
				if (!isOrigin(url))
					problems.push(`${where}: "${String(url)}" is not a site address such as https://emitra-hub.example.in.`);
		});
	}
	const selection = policy.DefaultPrinterSelection;
	if (typeof selection !== 'string') {
		problems.push('DefaultPrinterSelection must be a string holding a JSON object.');
	} else {
		problems.push(...printerSelectionProblems(selection));
	}
	for (const name of ['PopupsAllowedForUrls', 'LocalNetworkAccessAllowedForUrls']) {
		const patterns = policy[name];
		if (!Array.isArray(patterns) || patterns.length === 0 || !patterns.every((pattern) => typeof pattern === 'string')) {
			problems.push(`${name} must be a list of URL patterns.`);
		} else if (patterns.includes('*')) {
			problems.push(`${name} must name the kiosk's site, not "*" (every site).`);
		}
	}
	return problems;
}

/** @param {string} selection */
function printerSelectionProblems(selection) {
	let rules;
	try {
		rules = JSON.parse(selection);
	} catch {
		return ['DefaultPrinterSelection is not valid JSON.'];
	}
	if (!isRecord(rules)) return ['DefaultPrinterSelection must hold a JSON object.'];
	const problems = [];
	for (const key of Object.keys(rules)) {
		if (!['kind', 'idPattern', 'namePattern'].includes(key)) problems.push(`DefaultPrinterSelection has an unknown field "${key}".`);
	}
	if (rules.kind !== undefined && rules.kind !== 'local' && rules.kind !== 'cloud') {
		problems.push('DefaultPrinterSelection.kind must be "local" or "cloud".');
	}
	for (const key of ['idPattern', 'namePattern']) {
		if (rules[key] === undefined) continue;
		if (typeof rules[key] !== 'string' || rules[key] === '') {
			problems.push(`DefaultPrinterSelection.${key} must be a non-empty regular expression.`);
			continue;
		}
		try {
			new RegExp(rules[key]);
		} catch {
			problems.push(`DefaultPrinterSelection.${key} "${rules[key]}" is not a valid regular expression.`);
		}
	}
	return problems;
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isRecord(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {unknown} value */
function isUsbId(value) {
	return Number.isInteger(value) && /** @type {number} */ (value) >= 0 && /** @type {number} */ (value) <= 0xffff;
}

/** @param {unknown} value */
function isOrigin(value) {
	if (typeof value !== 'string') return false;
	try {
		return new URL(value).origin === value;
	} catch {
		return false;
	}
}

/** The Linux policy file: Chrome and Chromium read every *.json in their managed folder. @param {KioskPolicy} policy */
export function toLinuxJson(policy) {
	return JSON.stringify(policy, null, '\t') + '\n';
}

/**
 * The Windows registry file. Dictionary policies and DefaultPrinterSelection are one REG_SZ value
 * holding JSON; a list policy is a subkey with values "1", "2", …, which is deleted first so
 * entries from an older file do not linger. regedit expects UTF-16 LE with a byte-order mark.
 * @param {KioskPolicy} policy
 */
export function toWindowsReg(policy) {
	const quote = (/** @type {string} */ text) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
	const lines = ['Windows Registry Editor Version 5.00', '', `[${WINDOWS_POLICY_KEY}]`];
	lines.push(`"WebUsbAllowDevicesForUrls"=${quote(JSON.stringify(policy.WebUsbAllowDevicesForUrls))}`);
	lines.push(`"SerialAllowUsbDevicesForUrls"=${quote(JSON.stringify(policy.SerialAllowUsbDevicesForUrls))}`);
	lines.push(`"DefaultPrinterSelection"=${quote(policy.DefaultPrinterSelection)}`);
	for (const name of /** @type {const} */ (['PopupsAllowedForUrls', 'LocalNetworkAccessAllowedForUrls'])) {
		lines.push('', `[-${WINDOWS_POLICY_KEY}\\${name}]`, '', `[${WINDOWS_POLICY_KEY}\\${name}]`);
		policy[name].forEach((pattern, index) => lines.push(`"${index + 1}"=${quote(pattern)}`));
	}
	return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf16le');
}

/**
 * The pattern for a printer's name as the system shows it: its characters taken literally, so a
 * name like "Canon LBP2900 (USB)" matches itself. @param {string} name
 */
export function printerNamePattern(name) {
	return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "067b:2303" or "067b" (any product of that vendor), as lsusb prints them. @param {string} text @returns {UsbDevice} */
export function parseUsbId(text) {
	const match = /^([0-9a-f]{4})(?::([0-9a-f]{4}))?$/i.exec(text.trim());
	if (!match)
		throw new PolicyError([`"${text}" is not a USB ID: write vendor:product in hexadecimal as lsusb shows it, e.g. 067b:2303.`]);
	const device = { vendor_id: parseInt(/** @type {string} */ (match[1]), 16) };
	return match[2] ? { ...device, product_id: parseInt(match[2], 16) } : device;
}

const USAGE = `Usage: node deploy/chrome/make-policy.js --hub URL [options]

  --hub URL          the kiosk's web address (https://…), or set EMITRA_KIOSK_URL
  --printer NAME     the A4 printer's name as the system shows it, e.g. "Canon LBP2900"
  --printer-pattern REGEX
                     or a regular expression for the name (default "${DEFAULT_PRINTER_PATTERN}": any Canon)
  --serial VID:PID   a USB–serial adapter (note acceptor, card terminal); repeat for each
                     (default 067b:2303 and 0403:6001)
  --usb VID:PID      a WebUSB device (receipt printer); repeat for each (default 04b8:0202)
  --out FOLDER       where to write ${POLICY_FILE_NAME} and emitra-kiosk.reg (default ./chrome-policy)
`;

function main() {
	const { values } = parseArgs({
		options: {
			hub: { type: 'string' },
			printer: { type: 'string' },
			'printer-pattern': { type: 'string' },
			serial: { type: 'string', multiple: true },
			usb: { type: 'string', multiple: true },
			out: { type: 'string' },
			help: { type: 'boolean' }
		}
	});
	if (values.help) {
		process.stdout.write(USAGE);
		return;
	}
	const hubUrl = values.hub ?? process.env.EMITRA_KIOSK_URL;
	if (!hubUrl) {
		process.stderr.write(`The kiosk's address is missing.\n\n${USAGE}`);
		process.exitCode = 2;
		return;
	}
	try {
		const policy = buildPolicy({
			hubUrl,
			printerPattern: values.printer === undefined ? values['printer-pattern'] : printerNamePattern(values.printer),
			serialDevices: values.serial?.map(parseUsbId),
			usbDevices: values.usb?.map(parseUsbId)
		});
		const folder = path.resolve(values.out ?? 'chrome-policy');
		mkdirSync(folder, { recursive: true });
		const jsonFile = path.join(folder, POLICY_FILE_NAME);
		const regFile = path.join(folder, 'emitra-kiosk.reg');
		writeFileSync(jsonFile, toLinuxJson(policy));
		writeFileSync(regFile, toWindowsReg(policy));
		process.stdout.write(
			`Policy for ${kioskOrigin(hubUrl)} written:\n` +
				`  Linux:   ${jsonFile}\n           copy to ${LINUX_POLICY_FOLDERS.join(' and ')}\n` +
				`  Windows: ${regFile}\n           import as administrator: reg import emitra-kiosk.reg\n`
		);
	} catch (error) {
		if (!(error instanceof PolicyError)) throw error;
		process.stderr.write(`The policy was not written:\n${error.problems.map((problem) => `  - ${problem}`).join('\n')}\n`);
		process.exitCode = 1;
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
