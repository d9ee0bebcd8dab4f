import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { ApiError } from '$lib/server/api/http';
import { formFields } from '$lib/server/api/requests';
import { recentAudit } from '$lib/server/audit';
import { getDatabase } from '$lib/server/db';
import { issueEnrolmentCode } from '$lib/server/fleet/enrolment';
import {
	fleetChoices,
	fleetMachines,
	mapOperator,
	registerMachine,
	registerMachineForm,
	revokeMachine,
	setFleetVersion,
	unmapOperator
} from '$lib/server/fleet/machines';
import { currentKioskVersion } from '$lib/server/fleet/versions';
import { requireAdmin } from '$lib/server/operators/admin-guard';
import { formatEnrolmentCode, kioskCode } from '$lib/contract';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireAdmin(event);
	const db = await getDatabase();
	return {
		machines: await fleetMachines(db, new Date()),
		choices: await fleetChoices(db),
		currentVersion: await currentKioskVersion(db),
		audit: await recentAudit(db, { limit: 30 })
	};
};

/** Every action runs as a programme office administrator, checked again here (see admin-guard.ts). */
async function adminOf(event: Parameters<typeof requireAdmin>[0]): Promise<string> {
	return (await requireAdmin(event)).operator.sso_id;
}

/** A field of the posted form; empty when missing, or when the body is not a form at all. */
async function field(request: Request, name: string): Promise<string> {
	return String((await formFields(request.clone()))?.get(name) ?? '').trim();
}

async function machineCode(request: Request): Promise<string> {
	const parsed = v.safeParse(kioskCode, await field(request, 'kioskCode'));
	if (!parsed.success) error(400, 'error.unexpected');
	return parsed.output;
}

/** A refusal the screen words (kiosk_exists, operator_already_mapped…), kept with what was typed. */
async function attempt<T>(action: string, run: () => Promise<T>) {
	try {
		return await run();
	} catch (problem) {
		if (problem instanceof ApiError) return fail(problem.status, { action, refused: problem.code, fields: problem.fields ?? {} });
		throw problem;
	}
}

export const actions: Actions = {
	register: async (event) => {
		const actor = await adminOf(event);
		const { request } = event;
		const form = Object.fromEntries(((await formFields(request)) ?? new FormData()).entries());
		const parsed = v.safeParse(registerMachineForm, form);
		if (!parsed.success) {
			const fields = Object.fromEntries(
				parsed.issues.map((issue) => [v.getDotPath(issue) ?? '', issue.message === 'format' ? 'format' : 'required'])
			);
			// What was typed goes back into the form: the form's own fields, as text, nothing else.
			const typed = Object.fromEntries(Object.keys(registerMachineForm.entries).map((name) => [name, String(form[name] ?? '')]));
			return fail(400, { action: 'register', refused: 'invalid_fields', fields, typed });
		}
		return attempt('register', async () => {
			const issued = await registerMachine(await getDatabase(), parsed.output, actor, new Date());
			return {
				action: 'register',
				kioskCode: parsed.output.code,
				enrolmentCode: formatEnrolmentCode(issued.code),
				expiresAt: issued.expiresAt
			};
		});
	},
	newCode: async (event) => {
		const actor = await adminOf(event);
		const { request } = event;
		const code = await machineCode(request);
		const issued = await issueEnrolmentCode(await getDatabase(), code, actor, new Date());
		return { action: 'newCode', kioskCode: code, enrolmentCode: formatEnrolmentCode(issued.code), expiresAt: issued.expiresAt };
	},
	revoke: async (event) => {
		const actor = await adminOf(event);
		const { request } = event;
		const code = await machineCode(request);
		await revokeMachine(await getDatabase(), code, actor, new Date());
		return { action: 'revoke', kioskCode: code };
	},
	map: async (event) => {
		const actor = await adminOf(event);
		const { request } = event;
		const code = await machineCode(request);
		const ssoId = (await field(request, 'ssoId')).toUpperCase();
		return attempt('map', async () => {
			await mapOperator(await getDatabase(), code, ssoId, actor, new Date());
			return { action: 'map', kioskCode: code, ssoId };
		});
	},
	unmap: async (event) => {
		const actor = await adminOf(event);
		const { request } = event;
		const code = await machineCode(request);
		await unmapOperator(await getDatabase(), code, actor, new Date());
		return { action: 'unmap', kioskCode: code };
	},
	version: async (event) => {
		const actor = await adminOf(event);
		const { request } = event;
		const version = await field(request, 'version');
		return attempt('version', async () => {
			await setFleetVersion(await getDatabase(), version, actor, new Date());
			return { action: 'version', version };
		});
	}
};
