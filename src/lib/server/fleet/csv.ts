import type { FleetMachine } from '$lib/contract';

const COLUMNS: [string, (machine: FleetMachine) => string | number | null][] = [
	['kiosk_code', (machine) => machine.code],
	['serial', (machine) => machine.serial],
	['vendor', (machine) => machine.vendor],
	['district', (machine) => machine.district],
	['place', (machine) => machine.place],
	['kind', (machine) => machine.kind],
	['software_version', (machine) => machine.softwareVersion],
	['operator_sso_id', (machine) => machine.operator?.ssoId ?? ''],
	['operator_name', (machine) => machine.operator?.name ?? ''],
	['enrolled', (machine) => (machine.enrolled ? 'yes' : 'no')],
	['last_heartbeat_at', (machine) => machine.lastHeartbeatAt],
	['last_transaction_at', (machine) => machine.lastTransactionAt],
	['queued_payments', (machine) => machine.queuedPayments],
	['issues', (machine) => machine.issues.join(' ')]
];

/**
 * RFC 4180: quoted where needed, CRLF lines, a BOM so Excel reads Hindi names as UTF-8. A cell that
 * starts like a formula is prefixed with ' so a spreadsheet shows it instead of running it.
 */
export function fleetCsv(machines: readonly FleetMachine[]): string {
	const cell = (value: string | number | null) => {
		let text = value === null ? '' : String(value);
		if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
		return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
	};
	const lines = [COLUMNS.map(([name]) => name), ...machines.map((machine) => COLUMNS.map(([, value]) => cell(value(machine))))];
	return '\uFEFF' + lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}
