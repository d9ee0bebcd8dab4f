import type { DeviceStates } from './machines';

/**
 * The programme office's view of the fleet, as the hub's admin pages hand it to their screens:
 * machines, their vendors and kinds, their health, and why a change to them was refused.
 */

/** Why the programme office's change was refused; the admin screens word each. */
export const FLEET_REFUSALS = ['kiosk_exists', 'serial_exists', 'unknown_operator', 'operator_already_mapped'] as const;
export type FleetRefusal = (typeof FLEET_REFUSALS)[number];

export const KIOSK_VENDORS = ['lipi', 'econnect', 'pyrotech'] as const;
export type KioskVendor = (typeof KIOSK_VENDORS)[number];
/** Rural (Atal Seva Kendra) or urban: the manual's `catcode`. */
export const KIOSK_KINDS = ['atal-seva-kendra', 'urban'] as const;
export type KioskKind = (typeof KIOSK_KINDS)[number];

export type HealthIssue = 'paper-out' | 'cash-box-nearly-full' | 'acceptor-fault' | 'offline' | 'queued-payments-old';

export interface FleetMachine {
	code: string;
	serial: string;
	vendor: KioskVendor;
	district: string;
	place: string;
	kind: KioskKind;
	status: 'active' | 'revoked';
	softwareVersion: string;
	enrolled: boolean;
	operator: { ssoId: string; name: string } | null;
	lastHeartbeatAt: string | null;
	lastTransactionAt: string | null;
	devices: DeviceStates | null;
	cashBoxNotes: number;
	queuedPayments: number;
	oldestQueuedAt: string | null;
	deadLetterPayments: number;
	issues: HealthIssue[];
}
