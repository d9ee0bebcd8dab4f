import { maskMobile, type CertificateDocument, type JanAadhaarFamily, type LandRecord, type MarksheetDocument } from '$lib/contract';
import { ApiError } from '$lib/server/api/http';
import { maskName } from '$lib/server/privacy/mask';
import { certificateDocument, marksheetDocument } from './documents';
import { findVillage } from './land/places';
import type { DepartmentDeps } from './deps';

export async function findCertificate(
	deps: DepartmentDeps,
	typeId: string,
	transactionId: string,
	origin: string
): Promise<CertificateDocument> {
	const lookup = await deps.departments.certificates.byTransactionId(transactionId);
	if (lookup.kind === 'unknown') throw new ApiError(404, 'not_found', `No application ${transactionId}`);
	const foundType = lookup.kind === 'issued' ? lookup.certificate.typeId : lookup.typeId;
	if (foundType !== typeId) {
		throw new ApiError(422, 'other_certificate_type', `Application ${transactionId} is for another certificate`);
	}
	if (lookup.kind === 'not_issued') throw new ApiError(409, 'not_issued', `Certificate ${transactionId} is not issued yet`);
	return certificateDocument(deps.db, lookup.certificate, origin);
}

export async function findMarksheet(
	deps: DepartmentDeps,
	examYear: number,
	rollNumber: string,
	origin: string
): Promise<MarksheetDocument> {
	const record = await deps.departments.exams.result(examYear, rollNumber);
	if (!record) throw new ApiError(404, 'not_found', `No result for roll number ${rollNumber} in ${examYear}`);
	return marksheetDocument(record, origin);
}

export async function findLandRecord(deps: DepartmentDeps, villageCode: string, khasra: string): Promise<LandRecord> {
	const place = findVillage(villageCode);
	if (!place) throw new ApiError(404, 'unknown_place', `There is no village ${villageCode}`);
	const record = await deps.departments.land.record(villageCode, khasra);
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

export async function findFamily(deps: DepartmentDeps, janAadhaarId: string): Promise<JanAadhaarFamily> {
	const members = await deps.departments.janAadhaar.family(janAadhaarId);
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
