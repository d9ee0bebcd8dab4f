import * as v from 'valibot';
import {
	DEPARTMENT_LOOKUP_SCHEMAS,
	maskMobile,
	type CertificateDocument,
	type DepartmentLookupKind,
	type JanAadhaarFamily,
	type LandRecord,
	type MarksheetDocument,
	type PrintableDocument
} from '$lib/contract';
import { ApiError } from '$lib/server/api/http';
import type { Kiosk } from '$lib/server/db/schema';
import { maskName } from '$lib/server/privacy/mask';
import { certificateDocument, marksheetDocument } from './documents';
import { findVillage } from './land/places';
import { countLookup } from './rate-limit';
import type { DepartmentServices } from './services';

/** Checks a request body with the shared schema; bad fields come back as codes per field. */
export function parseRequest<Schema extends v.GenericSchema>(schema: Schema, body: unknown): v.InferOutput<Schema> {
	const parsed = v.safeParse(schema, body);
	if (parsed.success) return parsed.output;
	const fields = Object.fromEntries(parsed.issues.map((issue) => [v.getDotPath(issue) ?? '(body)', issue.message]));
	throw new ApiError(400, 'invalid_fields', 'Some values are not valid', fields);
}

export async function findCertificate(
	services: DepartmentServices,
	typeId: string,
	transactionId: string,
	origin: string
): Promise<CertificateDocument> {
	const lookup = await services.departments.certificates.byTransactionId(transactionId);
	if (lookup.kind === 'unknown') throw new ApiError(404, 'not_found', `No application ${transactionId}`);
	const foundType = lookup.kind === 'issued' ? lookup.certificate.typeId : lookup.typeId;
	if (foundType !== typeId) {
		throw new ApiError(422, 'other_certificate_type', `Application ${transactionId} is for another certificate`);
	}
	if (lookup.kind === 'not_issued') throw new ApiError(409, 'not_issued', `Certificate ${transactionId} is not issued yet`);
	return certificateDocument(services.db, lookup.certificate, origin);
}

export async function findMarksheet(
	services: DepartmentServices,
	examYear: number,
	rollNumber: string,
	origin: string
): Promise<MarksheetDocument> {
	const record = await services.departments.exams.result(examYear, rollNumber);
	if (!record) throw new ApiError(404, 'not_found', `No result for roll number ${rollNumber} in ${examYear}`);
	return marksheetDocument(record, origin);
}

async function findLandRecord(services: DepartmentServices, villageCode: string, khasra: string): Promise<LandRecord> {
	const place = findVillage(villageCode);
	if (!place) throw new ApiError(404, 'unknown_place', `There is no village ${villageCode}`);
	const record = await services.departments.land.record(villageCode, khasra);
	if (!record) throw new ApiError(404, 'not_found', `Village ${villageCode} has no khasra ${khasra}`);
	return {
		...place,
		khasra: record.khasra,
		khataNumber: record.khataNumber,
		areaSquareMetres: record.areaSquareMetres,
		landType: record.landType,
		irrigation: record.irrigation,
		owners: record.owners,
		encumbrances: record.encumbrances,
		recordYear: record.recordYear
	};
}

async function findFamily(services: DepartmentServices, janAadhaarId: string): Promise<JanAadhaarFamily> {
	const members = await services.departments.janAadhaar.family(janAadhaarId);
	if (members.length === 0) throw new ApiError(404, 'not_found', `No Jan Aadhaar family ${janAadhaarId}`);
	return {
		janAadhaarId,
		members: members.map((member) => ({
			memberId: member.memberId,
			nameMasked: { en: maskName(member.name.en), hi: maskName(member.name.hi) },
			relation: member.relation,
			yearOfBirth: member.yearOfBirth,
			mobileMasked: member.mobile && maskMobile(member.mobile)
		}))
	};
}

/**
 * A citizen's question to a department: counted against the kiosk's lookups first, then checked
 * with the shared schema, then asked. Personal data leaves the hub masked where a bystander
 * could read it; a certificate or marksheet is the citizen's own document, shown as issued.
 */
export async function departmentLookup(
	services: DepartmentServices,
	kiosk: Kiosk,
	kind: DepartmentLookupKind,
	body: unknown,
	origin: string
): Promise<PrintableDocument | LandRecord | JanAadhaarFamily> {
	await countLookup(services.db, kiosk.code, services.lookupsPerMinute, services.now());
	switch (kind) {
		case 'certificate': {
			const request = parseRequest(DEPARTMENT_LOOKUP_SCHEMAS.certificate, body);
			return findCertificate(services, request.typeId, request.transactionId, origin);
		}
		case 'exam-result': {
			const request = parseRequest(DEPARTMENT_LOOKUP_SCHEMAS['exam-result'], body);
			return findMarksheet(services, Number(request.examYear), request.rollNumber, origin);
		}
		case 'land-record': {
			const request = parseRequest(DEPARTMENT_LOOKUP_SCHEMAS['land-record'], body);
			return findLandRecord(services, request.villageCode, request.khasra);
		}
		case 'jan-aadhaar-family': {
			const request = parseRequest(DEPARTMENT_LOOKUP_SCHEMAS['jan-aadhaar-family'], body);
			return findFamily(services, request.janAadhaarId);
		}
	}
}
