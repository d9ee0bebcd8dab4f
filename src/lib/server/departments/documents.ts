import type { Kysely } from 'kysely';
import { GOVERNMENT_PATHS, type Bilingual, type CertificateDocument, type MarksheetDocument } from '$lib/contract';
import { ApiError } from '$lib/server/api/http';
import type { Database } from '$lib/server/db/schema';
import { maskName } from '$lib/server/privacy/mask';
import type { Departments, ExamRecord, IssuedCertificate } from './adapters';

export const BOARD: Bilingual = {
	en: 'Board of Secondary Education, Rajasthan, Ajmer',
	hi: 'माध्यमिक शिक्षा बोर्ड, राजस्थान, अजमेर'
};
export const SECONDARY_EXAM: Bilingual = { en: 'Secondary Examination (Class 10)', hi: 'माध्यमिक परीक्षा (कक्षा 10)' };

/** A marksheet's number for its QR code: the year and the roll number, e.g. `2025-1234567`. */
export const marksheetNumber = (examYear: number, rollNumber: string) => `${examYear}-${rollNumber}`;

/** The payment identifier of a document: certificates by transaction ID; marksheets padded to 16 digits. */
export function documentRef(
	document: { kind: 'certificate'; transactionId: string } | { kind: 'marksheet'; examYear: number; rollNumber: string }
): string {
	return document.kind === 'certificate' ? document.transactionId : `${document.examYear}00000${document.rollNumber}`;
}

export async function certificateDocument(
	db: Kysely<Database>,
	certificate: IssuedCertificate,
	origin: string
): Promise<CertificateDocument> {
	const type = await db.selectFrom('certificate_types').selectAll().where('id', '=', certificate.typeId).executeTakeFirstOrThrow();
	return {
		kind: 'certificate',
		transactionId: certificate.transactionId,
		type: { id: type.id, name: { en: type.name_en, hi: type.name_hi } },
		department: { en: type.department_en, hi: type.department_hi },
		certificateNumber: certificate.certificateNumber,
		holderName: certificate.holderName,
		relation: certificate.relation,
		address: certificate.address,
		particulars: certificate.particulars,
		office: certificate.office,
		appliedOn: certificate.appliedOn,
		issuedOn: certificate.issuedOn,
		verificationUrl: new URL(GOVERNMENT_PATHS.verifyDocument('certificate', certificate.certificateNumber), origin).href
	};
}

export function marksheetDocument(record: ExamRecord, origin: string): MarksheetDocument {
	return {
		kind: 'marksheet',
		board: BOARD,
		examName: SECONDARY_EXAM,
		examYear: record.examYear,
		rollNumber: record.rollNumber,
		studentName: record.studentName,
		gender: record.gender,
		fatherName: record.fatherName,
		motherName: record.motherName,
		dateOfBirth: record.dateOfBirth,
		dateOfIssue: record.dateOfIssue,
		result: record.result,
		verificationUrl: new URL(GOVERNMENT_PATHS.verifyDocument('marksheet', marksheetNumber(record.examYear, record.rollNumber)), origin)
			.href
	};
}

/** What anyone scanning a document's QR code learns: that it is genuine, and enough to compare. */
export interface DocumentVerification {
	genuine: true;
	kind: 'certificate' | 'marksheet';
	number: string;
	title: Bilingual;
	issuedBy: Bilingual;
	holderNameMasked: Bilingual;
	issuedOn: string;
}

export async function verifyDocument(
	db: Kysely<Database>,
	departments: Departments,
	kind: string,
	number: string
): Promise<DocumentVerification> {
	const masked = (name: Bilingual) => ({ en: maskName(name.en), hi: maskName(name.hi) });
	if (kind === 'certificate') {
		const certificate = await departments.certificates.byCertificateNumber(number);
		if (certificate) {
			const document = await certificateDocument(db, certificate, 'http://localhost');
			return {
				genuine: true,
				kind,
				number,
				title: document.type.name,
				issuedBy: document.office,
				holderNameMasked: masked(certificate.holderName),
				issuedOn: certificate.issuedOn
			};
		}
	}
	const marksheet = /^(\d{4})-(\d{7})$/.exec(number);
	if (kind === 'marksheet' && marksheet) {
		const record = await departments.exams.result(Number(marksheet[1]), marksheet[2] ?? '');
		if (record) {
			return {
				genuine: true,
				kind,
				number,
				title: SECONDARY_EXAM,
				issuedBy: BOARD,
				holderNameMasked: masked(record.studentName),
				issuedOn: record.dateOfIssue
			};
		}
	}
	throw new ApiError(404, 'not_found', `There is no ${kind} ${number}`);
}
