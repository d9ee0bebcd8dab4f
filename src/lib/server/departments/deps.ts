import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { getPaymentDeps, type PaymentDeps } from '$lib/server/payments';
import type { SmsSender } from '$lib/server/sms';
import type { Departments } from './adapters';
import { hubLimits } from '$lib/server/limits';
import { referenceDepartments } from './reference-departments';

/** What the government services work with; tests swap in their own clock and departments. */
export interface DepartmentDeps {
	db: Kysely<Database>;
	departments: Departments;
	/** Paid prints go through the payment core. */
	payments: PaymentDeps;
	sms: SmsSender;
	now: () => Date;
	lookupsPerMinute: number;
}

export function referenceDepartmentDeps(payments: PaymentDeps, lookupsPerMinute: number): DepartmentDeps {
	return {
		db: payments.db,
		departments: referenceDepartments(payments.db),
		payments,
		sms: payments.sms,
		now: payments.now,
		lookupsPerMinute
	};
}

const depsByPayments = new WeakMap<PaymentDeps, DepartmentDeps>();

/** What the hub's government services work with, on the hub's database. */
export async function getDepartmentDeps(): Promise<DepartmentDeps> {
	const payments = await getPaymentDeps();
	let deps = depsByPayments.get(payments);
	if (deps === undefined) {
		deps = referenceDepartmentDeps(payments, hubLimits().lookupsPerKiosk.hits);
		depsByPayments.set(payments, deps);
	}
	return deps;
}
