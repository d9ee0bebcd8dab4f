import type { Bilingual } from '$lib/contract';
import type { ExamResultGrade, FamilyRelation } from '$lib/server/db/schema';

/**
 * What the hub needs from each department's system. The reference implementations answer from
 * the hub's own tables (`reference_*`); a real department API replaces one adapter at a time.
 */

export interface IssuedCertificate {
	transactionId: string;
	typeId: string;
	certificateNumber: string;
	holderName: Bilingual;
	relation: Bilingual;
	address: Bilingual;
	particulars: { label: Bilingual; value: Bilingual }[];
	office: Bilingual;
	appliedOn: string;
	issuedOn: string;
}

export type CertificateLookup =
	| { kind: 'issued'; certificate: IssuedCertificate }
	/** The application exists but the certificate is not issued yet. */
	| { kind: 'not_issued'; typeId: string }
	| { kind: 'unknown' };

export interface CertificateDepartment {
	byTransactionId(transactionId: string): Promise<CertificateLookup>;
	byCertificateNumber(certificateNumber: string): Promise<IssuedCertificate | undefined>;
}

export interface ExamRecord {
	examYear: number;
	rollNumber: string;
	studentName: Bilingual;
	gender: 'female' | 'male' | 'other';
	fatherName: Bilingual;
	motherName: Bilingual;
	dateOfBirth: string;
	dateOfIssue: string;
	result: ExamResultGrade;
}

export interface ExamBoard {
	/** The years whose results the board publishes, newest first. */
	years(): Promise<number[]>;
	result(examYear: number, rollNumber: string): Promise<ExamRecord | undefined>;
}

export interface LandRecordEntry {
	villageCode: string;
	khasra: string;
	khataNumber: string;
	areaSquareMetres: number;
	landType: Bilingual;
	irrigation: Bilingual;
	owners: { name: Bilingual; relation: Bilingual; share: string }[];
	encumbrances: Bilingual[];
	recordYear: string;
}

export interface LandRecords {
	record(villageCode: string, khasra: string): Promise<LandRecordEntry | undefined>;
}

export interface FamilyMember {
	memberId: string;
	name: Bilingual;
	relation: FamilyRelation;
	yearOfBirth: number;
	mobile: string | null;
}

export interface JanAadhaarAuthority {
	/** The family's members in card order; empty when there is no such family. */
	family(janAadhaarId: string): Promise<FamilyMember[]>;
	/** Checks a member's fingerprint (the RD Service's PID block) against Aadhaar. */
	authenticate(memberId: string, pidBlock: string): Promise<'match' | 'mismatch'>;
	updateMobile(memberId: string, mobile: string): Promise<void>;
}

export interface Departments {
	certificates: CertificateDepartment;
	exams: ExamBoard;
	land: LandRecords;
	janAadhaar: JanAadhaarAuthority;
}
