import { sql, type Kysely } from 'kysely';
import * as v from 'valibot';
import { ApiError } from '$lib/server/api/http';
import { audit } from '$lib/server/audit';
import type { Database } from '$lib/server/db/schema';
import { istDate } from '$lib/server/payments/india-time';
import {
	CONSOLE_ROLES,
	KIOSK_KINDS,
	KIOSK_VENDORS,
	kioskCode as kioskCodeSchema,
	type DeviceStates,
	type FleetMachine,
	type HealthIssue,
	type KioskVendor
} from '$lib/contract';
import { issueEnrolmentCode } from './enrolment';
import { currentKioskVersion, isOutdated, setCurrentKioskVersion } from './versions';

/** A machine the hub has not heard from for this long is offline. */
export const OFFLINE_AFTER_MINUTES = 60;
/** Notes a cash box holds; at `CASH_BOX_NEARLY_FULL` of it an operator must empty it. */
export const CASH_BOX_CAPACITY_NOTES = 600;
export const CASH_BOX_NEARLY_FULL = 0.9;
/** A payment queued on a machine longer than this is not reaching the hub. */
export const QUEUED_PAYMENT_LIMIT_HOURS = 6;
/** The chart's window: transactions per day over the last two weeks. */
export const CHART_DAYS = 14;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty('required'), v.maxLength(max, 'format'));

export const registerMachineForm = v.object({
	code: v.pipe(v.string(), v.trim(), v.toUpperCase(), kioskCodeSchema),
	serial: v.pipe(text(40), v.toUpperCase(), v.regex(/^[A-Z0-9-]+$/, 'format')),
	vendor: v.picklist(KIOSK_VENDORS, 'required'),
	district: text(40),
	place: text(120),
	kind: v.picklist(KIOSK_KINDS, 'required')
});
export type RegisterMachineForm = v.InferOutput<typeof registerMachineForm>;

/** A new machine, not yet enrolled: the answer carries its one-time enrolment code, shown once. */
export async function registerMachine(db: Kysely<Database>, machine: RegisterMachineForm, actor: string, now: Date) {
	return db.transaction().execute(async (trx) => {
		const clash = await trx
			.selectFrom('kiosks')
			.select(['code', 'serial'])
			.where((eb) => eb.or([eb('code', '=', machine.code), eb('serial', '=', machine.serial)]))
			.executeTakeFirst();
		if (clash?.code === machine.code) throw new ApiError(409, 'kiosk_exists', `${machine.code} is already registered`);
		if (clash) throw new ApiError(409, 'serial_exists', `Serial ${machine.serial} is already registered`);
		await trx
			.insertInto('kiosks')
			.values({ ...machine, software_version: 'unknown', status: 'active', created_at: now.toISOString() })
			.execute();
		await audit(trx, { actor, action: 'machine.registered', kioskCode: machine.code, detail: { ...machine } }, now);
		return issueEnrolmentCode(trx, machine.code, actor, now);
	});
}

/** The machine may never transact again; its tokens stop working at once. */
export async function revokeMachine(db: Kysely<Database>, kioskCode: string, actor: string, now: Date): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const changed = await trx
			.updateTable('kiosks')
			.set({ status: 'revoked' })
			.where('code', '=', kioskCode)
			.where('status', '=', 'active')
			.executeTakeFirst();
		if (Number(changed.numUpdatedRows) === 0) return;
		await trx.deleteFrom('kiosk_sessions').where('kiosk_code', '=', kioskCode).execute();
		await audit(trx, { actor, action: 'machine.revoked', kioskCode }, now);
	});
}

/**
 * Maps (or changes) the operator of a machine: the earlier operator's mapping is replaced, and
 * their console sessions on it stop working. An operator already at another machine must be
 * unmapped there first — one machine per operator.
 */
export async function mapOperator(db: Kysely<Database>, kioskCode: string, ssoId: string, actor: string, now: Date): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const operator = await trx.selectFrom('operators').selectAll().where('sso_id', '=', ssoId).executeTakeFirst();
		if (!operator || !CONSOLE_ROLES.includes(operator.role)) throw new ApiError(404, 'unknown_operator', `No kiosk operator ${ssoId}`);
		const elsewhere = await trx
			.selectFrom('kiosk_operators')
			.select('kiosk_code')
			.where('operator_sso_id', '=', ssoId)
			.executeTakeFirst();
		if (elsewhere?.kiosk_code === kioskCode) return;
		if (elsewhere) throw new ApiError(409, 'operator_already_mapped', `${ssoId} is mapped to ${elsewhere.kiosk_code}`);
		const previous = await trx.selectFrom('kiosk_operators').selectAll().where('kiosk_code', '=', kioskCode).executeTakeFirst();
		await trx.deleteFrom('kiosk_operators').where('kiosk_code', '=', kioskCode).execute();
		await trx
			.insertInto('kiosk_operators')
			.values({ kiosk_code: kioskCode, operator_sso_id: ssoId, mapped_at: now.toISOString() })
			.execute();
		await audit(
			trx,
			{ actor, action: 'operator.mapped', kioskCode, detail: { operator: ssoId, previous: previous?.operator_sso_id ?? null } },
			now
		);
	});
}

export async function unmapOperator(db: Kysely<Database>, kioskCode: string, actor: string, now: Date): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const previous = await trx.selectFrom('kiosk_operators').selectAll().where('kiosk_code', '=', kioskCode).executeTakeFirst();
		if (!previous) return;
		await trx.deleteFrom('kiosk_operators').where('kiosk_code', '=', kioskCode).execute();
		await audit(trx, { actor, action: 'operator.unmapped', kioskCode, detail: { previous: previous.operator_sso_id } }, now);
	});
}

export async function setFleetVersion(db: Kysely<Database>, version: string, actor: string, now: Date): Promise<void> {
	const previous = await currentKioskVersion(db);
	await setCurrentKioskVersion(db, version, now);
	await audit(db, { actor, action: 'fleet.current_version_set', detail: { version, previous } }, now);
}

// ——— What the programme office sees ———

export interface FleetFilter {
	district?: string;
	vendor?: KioskVendor;
}

function healthIssues(machine: Omit<FleetMachine, 'issues'>, now: Date): HealthIssue[] {
	if (machine.status !== 'active') return [];
	const issues: HealthIssue[] = [];
	const devices = machine.devices;
	if (devices?.printerPaper === 'out') issues.push('paper-out');
	if (devices?.noteAcceptor === 'cash-box-full' || machine.cashBoxNotes >= CASH_BOX_CAPACITY_NOTES * CASH_BOX_NEARLY_FULL) {
		issues.push('cash-box-nearly-full');
	}
	if (devices && ['jammed', 'fault', 'cash-box-removed'].includes(devices.noteAcceptor)) issues.push('acceptor-fault');
	const offlineSince = now.getTime() - OFFLINE_AFTER_MINUTES * 60_000;
	if (machine.lastHeartbeatAt === null || Date.parse(machine.lastHeartbeatAt) < offlineSince) issues.push('offline');
	const queuedLimit = now.getTime() - QUEUED_PAYMENT_LIMIT_HOURS * 3600_000;
	if (machine.oldestQueuedAt !== null && Date.parse(machine.oldestQueuedAt) < queuedLimit) issues.push('queued-payments-old');
	return issues;
}

/** Every machine with its operator, last report and health, filtered by district and vendor. */
export async function fleetMachines(db: Kysely<Database>, now: Date, filter: FleetFilter = {}): Promise<FleetMachine[]> {
	let query = db
		.selectFrom('kiosks as kiosk')
		.leftJoin('kiosk_operators as mapping', 'mapping.kiosk_code', 'kiosk.code')
		.leftJoin('operators as operator', 'operator.sso_id', 'mapping.operator_sso_id')
		.leftJoin('kiosk_keys as key', 'key.kiosk_code', 'kiosk.code')
		.leftJoin('kiosk_heartbeats as beat', 'beat.kiosk_code', 'kiosk.code')
		.selectAll('kiosk')
		.select([
			'operator.sso_id as operator_sso_id',
			'operator.name as operator_name',
			'key.enrolled_at',
			'beat.received_at',
			'beat.devices',
			'beat.queued_payments',
			'beat.oldest_queued_at',
			'beat.dead_letter_payments',
			'beat.last_transaction_at',
			(eb) =>
				eb
					.selectFrom('payments')
					.select((inner) => inner.fn.max('payments.created_at').as('at'))
					.whereRef('payments.kiosk_code', '=', 'kiosk.code')
					.as('last_payment_at'),
			(eb) =>
				eb
					.selectFrom('payment_notes as note')
					.innerJoin('payments as paid', 'paid.id', 'note.payment_id')
					.select((inner) => inner.fn.countAll<number>().as('notes'))
					.whereRef('paid.kiosk_code', '=', 'kiosk.code')
					.where(
						'note.received_at',
						'>',
						sql<string>`coalesce((select max(emptied_at) from cash_box_emptyings where cash_box_emptyings.kiosk_code = ${sql.ref('kiosk.code')}), '')`
					)
					.as('cash_box_notes')
		])
		.orderBy('kiosk.district')
		.orderBy('kiosk.code');
	if (filter.district) query = query.where('kiosk.district', '=', filter.district);
	if (filter.vendor) query = query.where('kiosk.vendor', '=', filter.vendor);
	const rows = await query.execute();
	return rows.map((row) => {
		const lastPayment = row.last_payment_at ?? null;
		const reported = row.last_transaction_at ?? null;
		const machine = {
			code: row.code,
			serial: row.serial,
			vendor: row.vendor,
			district: row.district,
			place: row.place,
			kind: row.kind,
			status: row.status,
			softwareVersion: row.software_version,
			enrolled: row.enrolled_at !== null,
			operator: row.operator_sso_id ? { ssoId: row.operator_sso_id, name: row.operator_name ?? '' } : null,
			lastHeartbeatAt: row.received_at ?? null,
			lastTransactionAt:
				[lastPayment, reported]
					.filter((at): at is string => at !== null)
					.sort()
					.at(-1) ?? null,
			devices: row.devices ? (JSON.parse(row.devices) as DeviceStates) : null,
			cashBoxNotes: Number(row.cash_box_notes ?? 0),
			queuedPayments: row.queued_payments ?? 0,
			oldestQueuedAt: row.oldest_queued_at ?? null,
			deadLetterPayments: row.dead_letter_payments ?? 0
		};
		return { ...machine, issues: healthIssues(machine, now) };
	});
}

export interface FleetLists {
	currentVersion: string;
	unmapped: FleetMachine[];
	outdated: FleetMachine[];
	idle: FleetMachine[];
	unhealthy: FleetMachine[];
}

/** The manual's three lists (active machines only) and fleet health. */
export async function fleetLists(db: Kysely<Database>, now: Date, filter: FleetFilter, idleDays: number): Promise<FleetLists> {
	const machines = (await fleetMachines(db, now, filter)).filter((machine) => machine.status === 'active');
	const currentVersion = await currentKioskVersion(db);
	const idleSince = new Date(now.getTime() - idleDays * 24 * 3600_000).toISOString();
	return {
		currentVersion,
		unmapped: machines.filter((machine) => machine.operator === null),
		outdated: machines.filter((machine) => isOutdated(machine.softwareVersion, currentVersion)),
		idle: machines.filter((machine) => machine.lastTransactionAt === null || machine.lastTransactionAt < idleSince),
		unhealthy: machines.filter((machine) => machine.issues.length > 0)
	};
}

export interface TransactionsChart {
	days: string[];
	byDistrict: { name: string; perDay: number[] }[];
	byService: { name: { en: string; hi: string }; perDay: number[] }[];
}

/** Completed payments (paid or posted) per IST day over the last `CHART_DAYS`, by district and by service. */
export async function transactionsChart(db: Kysely<Database>, now: Date, filter: FleetFilter = {}): Promise<TransactionsChart> {
	const today = istDate(now);
	const days = Array.from({ length: CHART_DAYS }, (_, index) =>
		istDate(new Date(Date.parse(`${today}T12:00:00+05:30`) - (CHART_DAYS - 1 - index) * 24 * 3600_000))
	);
	let query = db
		.selectFrom('payments as payment')
		.innerJoin('kiosks as kiosk', 'kiosk.code', 'payment.kiosk_code')
		.innerJoin('billers as biller', 'biller.id', 'payment.biller_id')
		.select(['payment.created_at', 'kiosk.district', 'biller.id as biller_id', 'biller.name_en', 'biller.name_hi'])
		.where('payment.status', 'in', ['paid', 'posted'])
		.where('payment.created_at', '>=', new Date(Date.parse(`${days[0]}T00:00:00+05:30`)).toISOString());
	if (filter.district) query = query.where('kiosk.district', '=', filter.district);
	if (filter.vendor) query = query.where('kiosk.vendor', '=', filter.vendor);
	const rows = await query.execute();
	const count = <Key>(keyOf: (row: (typeof rows)[number]) => Key) => {
		const counts = new Map<Key, number[]>();
		for (const row of rows) {
			const day = days.indexOf(istDate(new Date(row.created_at)));
			if (day < 0) continue;
			const key = keyOf(row);
			const perDay = counts.get(key) ?? days.map(() => 0);
			perDay[day] = (perDay[day] ?? 0) + 1;
			counts.set(key, perDay);
		}
		return counts;
	};
	const names = new Map(rows.map((row) => [row.biller_id, { en: row.name_en, hi: row.name_hi }]));
	return {
		days,
		byDistrict: [...count((row) => row.district)]
			.map(([name, perDay]) => ({ name, perDay }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		byService: [...count((row) => row.biller_id)]
			.map(([id, perDay]) => ({ name: names.get(id) ?? { en: id, hi: id }, perDay }))
			.sort((a, b) => a.name.en.localeCompare(b.name.en))
	};
}

/** Districts and operators for the admin's filters and mapping choices. */
export async function fleetChoices(db: Kysely<Database>) {
	const districts = await db.selectFrom('kiosks').select('district').distinct().orderBy('district').execute();
	const operators = await db
		.selectFrom('operators as operator')
		.leftJoin('kiosk_operators as mapping', 'mapping.operator_sso_id', 'operator.sso_id')
		.select(['operator.sso_id', 'operator.name', 'mapping.kiosk_code'])
		.where('operator.role', 'in', [...CONSOLE_ROLES])
		.orderBy('operator.sso_id')
		.execute();
	return {
		districts: districts.map((row) => row.district),
		operators: operators.map((row) => ({ ssoId: row.sso_id, name: row.name, kioskCode: row.kiosk_code }))
	};
}
