import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { getPaymentServices, type PaymentServices } from '$lib/server/payments';
import type { SmsSender } from '$lib/server/sms';
import type { Departments } from './adapters';
import { hubLimits } from '$lib/server/limits';
import { referenceDepartments } from './reference-departments';

/** What the government services work with; tests swap in their own clock and departments. */
export interface DepartmentServices {
	db: Kysely<Database>;
	departments: Departments;
	/** Paid prints go through the payment core. */
	payments: PaymentServices;
	sms: SmsSender;
	now: () => Date;
	lookupsPerMinute: number;
}

export function referenceDepartmentServices(payments: PaymentServices, lookupsPerMinute: number): DepartmentServices {
	return {
		db: payments.db,
		departments: referenceDepartments(payments.db),
		payments,
		sms: payments.sms,
		now: payments.now,
		lookupsPerMinute
	};
}

const servicesByPayments = new WeakMap<PaymentServices, DepartmentServices>();

/** The hub's department services, on the hub's database. */
export async function getDepartmentServices(): Promise<DepartmentServices> {
	const payments = await getPaymentServices();
	let services = servicesByPayments.get(payments);
	if (services === undefined) {
		services = referenceDepartmentServices(payments, hubLimits().lookupsPerKiosk.hits);
		servicesByPayments.set(payments, services);
	}
	return services;
}
