import { KIOSK_VENDORS, type KioskVendor } from '$lib/contract';
import type { FleetFilter } from './machines';

export const DEFAULT_IDLE_DAYS = 7;

/** The dashboard's and the CSV exports' filters, from the query string; anything odd is ignored. */
export function fleetFilterFrom(params: URLSearchParams): { filter: FleetFilter; idleDays: number } {
	const district = params.get('district')?.trim() || undefined;
	const vendorParam = params.get('vendor') ?? '';
	const vendor = (KIOSK_VENDORS as readonly string[]).includes(vendorParam) ? (vendorParam as KioskVendor) : undefined;
	const days = Number(params.get('days'));
	const idleDays = Number.isInteger(days) && days >= 1 && days <= 365 ? days : DEFAULT_IDLE_DAYS;
	return { filter: { district, vendor }, idleDays };
}
