import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, engines, type TestDatabase } from '$lib/server/db/testing/engines';
import { seedDemoData } from '$demo';
import { approveRestart, cashBoxContents, recordCashBoxEmptied } from '$lib/server/operators/console';
import type { ActiveSession } from '$lib/server/operators/sessions';
import type { HeartbeatRequest } from '$lib/contract';
import { fleetCsv } from './csv';
import {
	fleetLists,
	fleetMachines,
	mapOperator,
	registerMachine,
	revokeMachine,
	setFleetVersion,
	transactionsChart,
	unmapOperator
} from './machines';
import { recordHeartbeat } from './heartbeats';
import { findKiosk } from './index';
import { currentKioskVersion } from './versions';

const NOW = new Date('2026-11-22T06:00:00.000Z');
const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * 3600_000);
const healthy: HeartbeatRequest = {
	devices: { noteAcceptor: 'ready', printerPaper: 'ok', rdService: 'ready', cardTerminal: 'connected' },
	queuedPayments: { queued: 0, oldestQueuedAt: null, deadLetters: 0 },
	lastTransactionAt: null
};
const BARMER = { district: 'Barmer' };

describe.each(engines)('the programme office’s fleet on %s', (engine) => {
	let test: TestDatabase;

	beforeAll(async () => {
		test = await openTestDatabase(engine);
		await seedDemoData(test.db, NOW);
	});
	afterAll(() => test.close());

	const beat = async (
		code: string,
		version: string,
		report: Omit<Partial<HeartbeatRequest>, 'devices'> & { devices?: Partial<HeartbeatRequest['devices']> },
		at: Date
	) => {
		const kiosk = await findKiosk(test.db, code);
		if (!kiosk) throw new Error(`no kiosk ${code}`);
		await recordHeartbeat(test.db, kiosk, version, { ...healthy, ...report, devices: { ...healthy.devices, ...report.devices } }, at);
	};

	it('a registered machine is on all three lists until it reports, gets an operator and is used', async () => {
		const issued = await registerMachine(
			test.db,
			{
				code: 'K8800001',
				serial: 'LIPI-TEST-0001',
				vendor: 'lipi',
				district: 'Barmer',
				place: 'Atal Seva Kendra, Gram Panchayat Balotra',
				kind: 'atal-seva-kendra'
			},
			'PODIRECTOR2026',
			NOW
		);
		expect(issued.code).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
		let lists = await fleetLists(test.db, NOW, BARMER, 7);
		expect([lists.unmapped, lists.outdated, lists.idle, lists.unhealthy].map((list) => list.map((machine) => machine.code))).toEqual([
			['K8800001'],
			['K8800001'],
			['K8800001'],
			['K8800001']
		]);
		expect(lists.unhealthy[0]?.issues).toEqual(['offline']);

		await beat('K8800001', await currentKioskVersion(test.db), {}, hoursBefore(0.5));
		await mapOperator(test.db, 'K8800001', 'PRIYAJOSHI1995', 'PODIRECTOR2026', NOW);
		lists = await fleetLists(test.db, NOW, BARMER, 7);
		expect(lists.unmapped).toEqual([]);
		expect(lists.outdated).toEqual([]);
		expect(lists.unhealthy).toEqual([]);
		expect(lists.idle.map((machine) => machine.code)).toEqual(['K8800001']);

		await beat('K8800001', await currentKioskVersion(test.db), { lastTransactionAt: hoursBefore(2).toISOString() }, hoursBefore(0.2));
		expect((await fleetLists(test.db, NOW, BARMER, 7)).idle).toEqual([]);
		await expect(
			registerMachine(
				test.db,
				{ code: 'K8800001', serial: 'OTHER-1', vendor: 'lipi', district: 'Barmer', place: 'x', kind: 'urban' },
				'PODIRECTOR2026',
				NOW
			)
		).rejects.toMatchObject({ code: 'kiosk_exists' });
		await expect(
			registerMachine(
				test.db,
				{ code: 'K8800002', serial: 'LIPI-TEST-0001', vendor: 'lipi', district: 'Barmer', place: 'x', kind: 'urban' },
				'PODIRECTOR2026',
				NOW
			)
		).rejects.toMatchObject({ code: 'serial_exists' });
	});

	it('fleet health follows what the machines report', async () => {
		await registerMachine(
			test.db,
			{
				code: 'K8800003',
				serial: 'PYRO-TEST-0003',
				vendor: 'pyrotech',
				district: 'Barmer',
				place: 'e-Mitra Plus, Station Road, Barmer',
				kind: 'urban'
			},
			'PODIRECTOR2026',
			NOW
		);
		await beat(
			'K8800003',
			'2.3.1',
			{
				devices: { printerPaper: 'out', noteAcceptor: 'cash-box-full' },
				queuedPayments: { queued: 3, oldestQueuedAt: hoursBefore(7).toISOString(), deadLetters: 1 }
			},
			hoursBefore(0.1)
		);
		const byCode = async () => new Map((await fleetMachines(test.db, NOW, BARMER)).map((machine) => [machine.code, machine]));
		expect((await byCode()).get('K8800003')?.issues).toEqual(['paper-out', 'cash-box-nearly-full', 'queued-payments-old']);
		expect((await fleetLists(test.db, NOW, { ...BARMER, vendor: 'pyrotech' }, 7)).outdated.map((machine) => machine.code)).toEqual([
			'K8800003'
		]);

		await beat('K8800003', '2.3.1', { devices: { noteAcceptor: 'jammed' } }, hoursBefore(2));
		expect((await byCode()).get('K8800003')?.issues).toEqual(['acceptor-fault', 'offline']);
		expect((await findKiosk(test.db, 'K8800003'))?.software_version).toBe('2.3.1');
	});

	it('one machine per operator: mapping, changing and unmapping are audited', async () => {
		await expect(mapOperator(test.db, 'K6104735', 'PRIYAJOSHI1995', 'PODIRECTOR2026', NOW)).rejects.toMatchObject({
			code: 'operator_already_mapped'
		});
		await expect(mapOperator(test.db, 'K6104735', 'PODIRECTOR2026', 'PODIRECTOR2026', NOW)).rejects.toMatchObject({
			code: 'unknown_operator'
		});
		await mapOperator(test.db, 'K6104735', 'VIKRAMMEENA1988', 'PODIRECTOR2026', NOW);
		await mapOperator(test.db, 'K6104735', 'SUNITAKANWAR1993', 'PODIRECTOR2026', NOW);
		await unmapOperator(test.db, 'K6104735', 'PODIRECTOR2026', NOW);
		const mapping = await test.db.selectFrom('kiosk_operators').selectAll().where('kiosk_code', '=', 'K6104735').execute();
		expect(mapping).toEqual([]);
		const audit = await test.db
			.selectFrom('audit_log')
			.select(['action', 'detail'])
			.where('kiosk_code', '=', 'K6104735')
			.where('action', 'like', 'operator.%')
			.orderBy('id')
			.execute();
		expect(audit.map((entry) => [entry.action, JSON.parse(entry.detail ?? '{}')])).toEqual([
			['operator.mapped', { operator: 'VIKRAMMEENA1988', previous: null }],
			['operator.mapped', { operator: 'SUNITAKANWAR1993', previous: 'VIKRAMMEENA1988' }],
			['operator.unmapped', { previous: 'SUNITAKANWAR1993' }]
		]);
	});

	it('a revoked machine leaves the lists and its sessions end', async () => {
		await test.db
			.insertInto('kiosk_sessions')
			.values({
				token_hash: 'x'.repeat(64),
				kiosk_code: 'K8800003',
				created_at: NOW.toISOString(),
				expires_at: hoursBefore(-1).toISOString()
			})
			.execute();
		await revokeMachine(test.db, 'K8800003', 'PODIRECTOR2026', NOW);
		expect((await fleetLists(test.db, NOW, BARMER, 7)).outdated).toEqual([]);
		expect(await test.db.selectFrom('kiosk_sessions').selectAll().where('kiosk_code', '=', 'K8800003').execute()).toEqual([]);
	});

	it('sets the current kiosk version, audited with the one before', async () => {
		await setFleetVersion(test.db, '2.5.0', 'PODIRECTOR2026', NOW);
		expect(await currentKioskVersion(test.db)).toBe('2.5.0');
		const entry = await test.db
			.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'fleet.current_version_set')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(entry.detail ?? '')).toMatchObject({ version: '2.5.0' });
		await expect(setFleetVersion(test.db, 'latest', 'PODIRECTOR2026', NOW)).rejects.toMatchObject({ status: 422 });
	});

	it('counts the demo history per day by district and by service', async () => {
		const chart = await transactionsChart(test.db, NOW);
		expect(chart.days).toHaveLength(14);
		expect(chart.days.at(-1)).toBe('2026-11-22');
		const jaipur = chart.byDistrict.find((line) => line.name === 'Jaipur');
		expect(jaipur?.perDay.at(-1)).toBe(0);
		expect(jaipur?.perDay.slice(1, -1).every((count) => count >= 5)).toBe(true);
		expect(chart.byService.map((line) => line.name.en)).toContain('Airtel Postpaid');
		// Ajmer's machine went quiet ten days ago.
		expect(chart.byDistrict.find((line) => line.name === 'Ajmer')?.perDay.slice(-9)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
	});

	it('the cash box counts notes since it was last emptied, and a restart waits for a payment in progress', async () => {
		const kiosk = await findKiosk(test.db, 'K1234567');
		if (!kiosk) throw new Error('no K1234567');
		const operator = await test.db
			.selectFrom('operators')
			.selectAll()
			.where('sso_id', '=', 'SURESHSHARMA1984')
			.executeTakeFirstOrThrow();
		const active = { operator, session: { kiosk_code: 'K1234567' } } as ActiveSession;
		const payment = await test.db.selectFrom('payments').selectAll().where('kiosk_code', '=', 'K1234567').executeTakeFirstOrThrow();
		await test.db
			.insertInto('payments')
			.values({
				...payment,
				id: '263269000001',
				bill_number: 'TEST-IN-PROGRESS',
				mode: 'cash',
				status: 'awaiting_payment',
				created_at: NOW.toISOString()
			})
			.execute();
		await test.db
			.insertInto('payment_notes')
			.values([
				{ payment_id: '263269000001', value_paise: 50_000, applied_to: 'payment', received_at: NOW.toISOString() },
				{ payment_id: '263269000001', value_paise: 10_000, applied_to: 'payment', received_at: NOW.toISOString() }
			])
			.execute();
		await expect(approveRestart(test.db, kiosk, active, NOW)).rejects.toMatchObject({ status: 409, code: 'payment_in_progress' });
		const before = await cashBoxContents(test.db, 'K1234567');
		expect(before).toMatchObject({ notes: 2, amountPaise: 60_000 });
		const after = await recordCashBoxEmptied(test.db, kiosk, active, new Date(NOW.getTime() + 1000));
		expect(after).toMatchObject({ notes: 0, amountPaise: 0, lastEmptied: { by: 'SURESHSHARMA1984', notes: 2, amountPaise: 60_000 } });
		await test.db.updateTable('payments').set({ status: 'cancelled' }).where('id', '=', '263269000001').execute();
		await expect(approveRestart(test.db, kiosk, active, NOW)).resolves.toBeUndefined();
	});

	it('exports CSV that spreadsheets read safely', async () => {
		const [machine] = await fleetMachines(test.db, NOW, { district: 'Jaipur' });
		if (!machine) throw new Error('no Jaipur machine');
		const csv = fleetCsv([{ ...machine, place: 'Chowk, "Main" Road', operator: { ssoId: 'X', name: '=HYPERLINK("http://evil")' } }]);
		const [header, row] = csv.slice(1).split('\r\n');
		expect(csv.startsWith('\uFEFFkiosk_code,')).toBe(true);
		expect(header?.split(',')).toHaveLength(14);
		expect(row).toContain('"Chowk, ""Main"" Road"');
		expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
	});
});
