import type { RequestHandler } from './$types';
import { referenceList } from '$lib/server/departments/http';

/** The nine kinds of certificate a kiosk shows and prints, in menu order. */
export const GET: RequestHandler = () =>
	referenceList(async ({ db }) => {
		const types = await db.selectFrom('certificate_types').selectAll().orderBy('sort_order').execute();
		return types.map((type) => ({
			value: type.id,
			label: { en: type.name_en, hi: type.name_hi },
			detail: { en: type.department_en, hi: type.department_hi }
		}));
	});
