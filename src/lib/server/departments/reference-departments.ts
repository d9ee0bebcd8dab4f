import type { Kysely } from 'kysely';
import type { Bilingual } from '$lib/contract';
import type { Database, ReferenceCertificateTable } from '$lib/server/db/schema';
import type {
	CertificateDepartment,
	CertificateLookup,
	Departments,
	ExamBoard,
	IssuedCertificate,
	JanAadhaarAuthority,
	LandRecords
} from './adapters';

const both = (en: string, hi: string): Bilingual => ({ en, hi });

function issued(row: ReferenceCertificateTable): IssuedCertificate | undefined {
	if (row.certificate_number === null || row.issued_on === null) return undefined;
	return {
		transactionId: row.transaction_id,
		typeId: row.type_id,
		certificateNumber: row.certificate_number,
		holderName: both(row.holder_name_en, row.holder_name_hi),
		relation: both(row.relation_en, row.relation_hi),
		address: both(row.address_en, row.address_hi),
		particulars: JSON.parse(row.particulars),
		office: both(row.office_en, row.office_hi),
		appliedOn: row.applied_on,
		issuedOn: row.issued_on
	};
}

class ReferenceCertificates implements CertificateDepartment {
	constructor(private readonly db: Kysely<Database>) {}

	async byTransactionId(transactionId: string): Promise<CertificateLookup> {
		const row = await this.db
			.selectFrom('reference_certificates')
			.selectAll()
			.where('transaction_id', '=', transactionId)
			.executeTakeFirst();
		if (row === undefined) return { kind: 'unknown' };
		const certificate = issued(row);
		return certificate ? { kind: 'issued', certificate } : { kind: 'not_issued', typeId: row.type_id };
	}

	async byCertificateNumber(certificateNumber: string): Promise<IssuedCertificate | undefined> {
		const row = await this.db
			.selectFrom('reference_certificates')
			.selectAll()
			.where('certificate_number', '=', certificateNumber)
			.executeTakeFirst();
		return row && issued(row);
	}
}

class ReferenceExamBoard implements ExamBoard {
	constructor(private readonly db: Kysely<Database>) {}

	async years(): Promise<number[]> {
		const rows = await this.db
			.selectFrom('reference_exam_results')
			.select('exam_year')
			.distinct()
			.orderBy('exam_year', 'desc')
			.execute();
		return rows.map((row) => row.exam_year);
	}

	async result(examYear: number, rollNumber: string) {
		const row = await this.db
			.selectFrom('reference_exam_results')
			.selectAll()
			.where('exam_year', '=', examYear)
			.where('roll_number', '=', rollNumber)
			.executeTakeFirst();
		if (row === undefined) return undefined;
		return {
			examYear: row.exam_year,
			rollNumber: row.roll_number,
			studentName: both(row.student_name_en, row.student_name_hi),
			gender: row.gender,
			fatherName: both(row.father_name_en, row.father_name_hi),
			motherName: both(row.mother_name_en, row.mother_name_hi),
			dateOfBirth: row.date_of_birth,
			dateOfIssue: row.date_of_issue,
			result: row.result
		};
	}
}

class ReferenceLandRecords implements LandRecords {
	constructor(private readonly db: Kysely<Database>) {}

	async record(villageCode: string, khasra: string) {
		const row = await this.db
			.selectFrom('reference_land_records')
			.selectAll()
			.where('village_code', '=', villageCode)
			.where('khasra', '=', khasra)
			.executeTakeFirst();
		if (row === undefined) return undefined;
		const owners = await this.db
			.selectFrom('reference_land_owners')
			.selectAll()
			.where('village_code', '=', villageCode)
			.where('khasra', '=', khasra)
			.orderBy('position')
			.execute();
		return {
			villageCode: row.village_code,
			khasra: row.khasra,
			khataNumber: row.khata_number,
			areaSquareMetres: row.area_square_metres,
			landType: both(row.land_type_en, row.land_type_hi),
			irrigation: both(row.irrigation_en, row.irrigation_hi),
			owners: owners.map((owner) => ({
				name: both(owner.name_en, owner.name_hi),
				relation: both(owner.relation_en, owner.relation_hi),
				share: owner.share
			})),
			encumbrances: JSON.parse(row.encumbrances) as Bilingual[],
			recordYear: row.record_year
		};
	}
}

class ReferenceJanAadhaar implements JanAadhaarAuthority {
	constructor(private readonly db: Kysely<Database>) {}

	async family(janAadhaarId: string) {
		const rows = await this.db
			.selectFrom('reference_jan_aadhaar_members')
			.selectAll()
			.where('family_id', '=', janAadhaarId)
			.orderBy('position')
			.execute();
		return rows.map((row) => ({
			memberId: row.member_id,
			name: both(row.name_en, row.name_hi),
			relation: row.relation,
			yearOfBirth: row.year_of_birth,
			mobile: row.mobile
		}));
	}

	/** The reference authority accepts any PID block, except for members marked as never matching. */
	async authenticate(memberId: string): Promise<'match' | 'mismatch'> {
		const row = await this.db
			.selectFrom('reference_jan_aadhaar_members')
			.select('fingerprint_matches')
			.where('member_id', '=', memberId)
			.executeTakeFirst();
		return row?.fingerprint_matches === 1 ? 'match' : 'mismatch';
	}

	async updateMobile(memberId: string, mobile: string): Promise<void> {
		await this.db.updateTable('reference_jan_aadhaar_members').set({ mobile }).where('member_id', '=', memberId).execute();
	}
}

/** Every department played by its reference implementation, on the hub's own database. */
export function referenceDepartments(db: Kysely<Database>): Departments {
	return {
		certificates: new ReferenceCertificates(db),
		exams: new ReferenceExamBoard(db),
		land: new ReferenceLandRecords(db),
		janAadhaar: new ReferenceJanAadhaar(db)
	};
}
