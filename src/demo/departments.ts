import type { Kysely } from 'kysely';
import type { Bilingual } from '$lib/contract';
import type {
	Database,
	ReferenceCertificateTable,
	ReferenceExamResultTable,
	ReferenceJanAadhaarMemberTable,
	ReferenceLandOwnerTable,
	ReferenceLandRecordTable
} from '$lib/server/db/schema';

/** Demo data of the reference departments (README, "Government services"). */

const p = (en: string, hi: string, valueEn: string, valueHi: string) => ({
	label: { en, hi },
	value: { en: valueEn, hi: valueHi }
});

const TEHSILDAR_SANGANER = { office_en: 'Tehsildar, Sanganer, Jaipur', office_hi: 'तहसीलदार, सांगानेर, जयपुर' };
const REGISTRAR_JAIPUR = {
	office_en: 'Registrar (Births and Deaths), Municipal Corporation Jaipur Greater',
	office_hi: 'रजिस्ट्रार (जन्म-मृत्यु), नगर निगम जयपुर ग्रेटर'
};

type DemoCertificate = Omit<ReferenceCertificateTable, 'particulars'> & { particulars: ReturnType<typeof p>[] };

export const DEMO_CERTIFICATES: readonly DemoCertificate[] = [
	{
		transaction_id: '2611230001',
		type_id: 'domicile',
		certificate_number: 'RJ/DOM/SNG/2026/004512',
		holder_name_en: 'Ramesh Kumar Meena',
		holder_name_hi: 'रमेश कुमार मीणा',
		relation_en: 'Son of Shri Ramkishan Meena',
		relation_hi: 'पुत्र श्री रामकिशन मीणा',
		address_en: 'House 14, Ward 6, Muhana, Tehsil Sanganer, District Jaipur, Rajasthan 302029',
		address_hi: 'मकान 14, वार्ड 6, मुहाना, तहसील सांगानेर, जिला जयपुर, राजस्थान 302029',
		particulars: [
			p('Resident of Rajasthan since', 'राजस्थान में निवास से', '1998 (birth)', '1998 (जन्म से)'),
			p('Purpose', 'प्रयोजन', 'Education and employment', 'शिक्षा एवं रोज़गार')
		],
		...TEHSILDAR_SANGANER,
		applied_on: '2026-10-28',
		issued_on: '2026-11-04'
	},
	{
		transaction_id: '2611230002',
		type_id: 'minority',
		certificate_number: 'RJ/MIN/JPR/2026/000871',
		holder_name_en: 'Abdul Rashid Khan',
		holder_name_hi: 'अब्दुल रशीद खान',
		relation_en: 'Son of Shri Abdul Karim Khan',
		relation_hi: 'पुत्र श्री अब्दुल करीम खान',
		address_en: '22, Ramganj Bazar, Jaipur, Rajasthan 302003',
		address_hi: '22, रामगंज बाज़ार, जयपुर, राजस्थान 302003',
		particulars: [p('Minority community', 'अल्पसंख्यक समुदाय', 'Muslim', 'मुस्लिम')],
		office_en: 'Tehsildar, Jaipur',
		office_hi: 'तहसीलदार, जयपुर',
		applied_on: '2026-10-20',
		issued_on: '2026-11-02'
	},
	{
		transaction_id: '2611230003',
		type_id: 'general',
		certificate_number: 'RJ/GEN/SNG/2026/010233',
		holder_name_en: 'Sunita Devi Sharma',
		holder_name_hi: 'सुनीता देवी शर्मा',
		relation_en: 'Wife of Shri Rajendra Prasad Sharma',
		relation_hi: 'पत्नी श्री राजेन्द्र प्रसाद शर्मा',
		address_en: '5, Gandhi Path, Chainpura, Tehsil Sanganer, District Jaipur, Rajasthan 302029',
		address_hi: '5, गांधी पथ, चैनपुरा, तहसील सांगानेर, जिला जयपुर, राजस्थान 302029',
		particulars: [
			p(
				'Certified that',
				'प्रमाणित किया जाता है कि',
				'the applicant lives at the address above with her family',
				'आवेदिका अपने परिवार सहित उपरोक्त पते पर निवास करती है'
			),
			p('Purpose', 'प्रयोजन', 'Gas connection', 'गैस कनेक्शन')
		],
		...TEHSILDAR_SANGANER,
		applied_on: '2026-11-01',
		issued_on: '2026-11-06'
	},
	{
		transaction_id: '2611230004',
		type_id: 'caste',
		certificate_number: 'RJ/CST/SNG/2026/007719',
		holder_name_en: 'Bhanwar Lal Gurjar',
		holder_name_hi: 'भंवर लाल गुर्जर',
		relation_en: 'Son of Shri Mangilal Gurjar',
		relation_hi: 'पुत्र श्री मांगीलाल गुर्जर',
		address_en: 'Goner, Tehsil Sanganer, District Jaipur, Rajasthan 303905',
		address_hi: 'गोनेर, तहसील सांगानेर, जिला जयपुर, राजस्थान 303905',
		particulars: [p('Caste', 'जाति', 'Gurjar', 'गुर्जर'), p('Category', 'वर्ग', 'More Backward Class (MBC)', 'अति पिछड़ा वर्ग (एम.बी.सी.)')],
		...TEHSILDAR_SANGANER,
		applied_on: '2026-10-15',
		issued_on: '2026-10-30'
	},
	{
		transaction_id: '2611230005',
		type_id: 'birth',
		certificate_number: 'B-2026-08-115-004217',
		holder_name_en: 'Aarav Rathore',
		holder_name_hi: 'आरव राठौड़',
		relation_en: 'Son of Pooja Rathore and Vikram Singh Rathore',
		relation_hi: 'पुत्र पूजा राठौड़ एवं विक्रम सिंह राठौड़',
		address_en: '41, Shivdaspura, Tehsil Sanganer, District Jaipur, Rajasthan 302022',
		address_hi: '41, शिवदासपुरा, तहसील सांगानेर, जिला जयपुर, राजस्थान 302022',
		particulars: [
			p('Date of birth', 'जन्म तिथि', '12 August 2026', '12 अगस्त 2026'),
			p('Place of birth', 'जन्म स्थान', 'Mahila Chikitsalaya, Sanganeri Gate, Jaipur', 'महिला चिकित्सालय, सांगानेरी गेट, जयपुर'),
			p('Sex', 'लिंग', 'Male', 'पुरुष'),
			p('Registration number', 'पंजीकरण संख्या', '2026/JPR/004217', '2026/JPR/004217')
		],
		...REGISTRAR_JAIPUR,
		applied_on: '2026-08-20',
		issued_on: '2026-09-01'
	},
	{
		transaction_id: '2611230006',
		type_id: 'death',
		certificate_number: 'D-2026-10-115-001108',
		holder_name_en: 'Gheesa Ram Saini',
		holder_name_hi: 'घीसा राम सैनी',
		relation_en: 'Son of Late Shri Mool Chand Saini',
		relation_hi: 'पुत्र स्व. श्री मूलचंद सैनी',
		address_en: 'Sirsi, Tehsil Sanganer, District Jaipur, Rajasthan 302034',
		address_hi: 'सिरसी, तहसील सांगानेर, जिला जयपुर, राजस्थान 302034',
		particulars: [
			p('Date of death', 'मृत्यु तिथि', '3 October 2026', '3 अक्टूबर 2026'),
			p('Place of death', 'मृत्यु स्थान', 'At home, Sirsi', 'निवास पर, सिरसी'),
			p('Age', 'आयु', '78 years', '78 वर्ष'),
			p('Registration number', 'पंजीकरण संख्या', '2026/JPR/D/001108', '2026/JPR/D/001108')
		],
		...REGISTRAR_JAIPUR,
		applied_on: '2026-10-09',
		issued_on: '2026-10-16'
	},
	{
		transaction_id: '2611230007',
		type_id: 'marriage',
		certificate_number: 'M-2026-115-000392',
		holder_name_en: 'Prakash Chandra Jain and Neha Jain',
		holder_name_hi: 'प्रकाश चन्द्र जैन एवं नेहा जैन',
		relation_en: 'Husband: son of Shri Mahaveer Prasad Jain; wife: daughter of Shri Suresh Chand Jain',
		relation_hi: 'पति: पुत्र श्री महावीर प्रसाद जैन; पत्नी: पुत्री श्री सुरेश चंद जैन',
		address_en: '9, Jain Colony, Sanganer, Jaipur, Rajasthan 302029',
		address_hi: '9, जैन कॉलोनी, सांगानेर, जयपुर, राजस्थान 302029',
		particulars: [
			p('Date of marriage', 'विवाह तिथि', '14 February 2026', '14 फ़रवरी 2026'),
			p('Place of marriage', 'विवाह स्थान', 'Jaipur', 'जयपुर'),
			p('Registration number', 'पंजीकरण संख्या', 'MR/2026/000392', 'MR/2026/000392')
		],
		...REGISTRAR_JAIPUR,
		applied_on: '2026-10-02',
		issued_on: '2026-10-21'
	},
	{
		transaction_id: '2611230008',
		type_id: 'disability',
		certificate_number: 'RJ/DIS/JPR/2026/002954',
		holder_name_en: 'Kamla Devi Bairwa',
		holder_name_hi: 'कमला देवी बैरवा',
		relation_en: 'Wife of Shri Hanuman Sahay Bairwa',
		relation_hi: 'पत्नी श्री हनुमान सहाय बैरवा',
		address_en: 'Kalwara, Tehsil Sanganer, District Jaipur, Rajasthan 302029',
		address_hi: 'कालवाड़ा, तहसील सांगानेर, जिला जयपुर, राजस्थान 302029',
		particulars: [
			p('Kind of disability', 'विकलांगता का प्रकार', 'Locomotor disability', 'चलन निःशक्तता'),
			p('Extent', 'प्रतिशत', '45% (permanent)', '45% (स्थायी)')
		],
		office_en: 'Medical Board, SMS Hospital, Jaipur',
		office_hi: 'चिकित्सा बोर्ड, एस.एम.एस. चिकित्सालय, जयपुर',
		applied_on: '2026-09-14',
		issued_on: '2026-10-05'
	},
	{
		transaction_id: '2611230009',
		type_id: 'police-verification',
		certificate_number: 'RJP/PV/JPR-S/2026/018820',
		holder_name_en: 'Mahendra Singh Shekhawat',
		holder_name_hi: 'महेन्द्र सिंह शेखावत',
		relation_en: 'Son of Shri Bhawani Singh Shekhawat',
		relation_hi: 'पुत्र श्री भवानी सिंह शेखावत',
		address_en: '77, Mahapura, Tehsil Sanganer, District Jaipur, Rajasthan 302026',
		address_hi: '77, महापुरा, तहसील सांगानेर, जिला जयपुर, राजस्थान 302026',
		particulars: [
			p('Purpose', 'प्रयोजन', 'Private employment', 'निजी नियोजन'),
			p('Result of verification', 'सत्यापन का परिणाम', 'No adverse record found', 'कोई प्रतिकूल रिकॉर्ड नहीं पाया गया')
		],
		office_en: 'Station House Officer, Police Station Sanganer, Jaipur',
		office_hi: 'थानाधिकारी, पुलिस थाना सांगानेर, जयपुर',
		applied_on: '2026-10-25',
		issued_on: '2026-11-08'
	},
	{
		transaction_id: '2611230010',
		type_id: 'caste',
		certificate_number: null,
		holder_name_en: 'Laxmi Bishnoi',
		holder_name_hi: 'लक्ष्मी बिश्नोई',
		relation_en: 'Daughter of Shri Om Prakash Bishnoi',
		relation_hi: 'पुत्री श्री ओमप्रकाश बिश्नोई',
		address_en: 'Jasrasar, Tehsil Nokha, District Bikaner, Rajasthan 334803',
		address_hi: 'जसरासर, तहसील नोखा, जिला बीकानेर, राजस्थान 334803',
		particulars: [p('Caste', 'जाति', 'Bishnoi', 'बिश्नोई')],
		office_en: 'Tehsildar, Nokha, Bikaner',
		office_hi: 'तहसीलदार, नोखा, बीकानेर',
		applied_on: '2026-11-18',
		issued_on: null
	}
];

export const DEMO_EXAM_RESULTS: readonly ReferenceExamResultTable[] = [
	{
		exam_year: 2025,
		roll_number: '1234567',
		student_name_en: 'Priya Sharma',
		student_name_hi: 'प्रिया शर्मा',
		gender: 'female',
		father_name_en: 'Rajendra Prasad Sharma',
		father_name_hi: 'राजेन्द्र प्रसाद शर्मा',
		mother_name_en: 'Sunita Devi Sharma',
		mother_name_hi: 'सुनीता देवी शर्मा',
		date_of_birth: '2009-07-15',
		date_of_issue: '2025-05-28',
		result: 'first'
	},
	{
		exam_year: 2024,
		roll_number: '2345678',
		student_name_en: 'Mohit Kumar Meena',
		student_name_hi: 'मोहित कुमार मीणा',
		gender: 'male',
		father_name_en: 'Ramesh Kumar Meena',
		father_name_hi: 'रमेश कुमार मीणा',
		mother_name_en: 'Santosh Meena',
		mother_name_hi: 'संतोष मीणा',
		date_of_birth: '2008-03-02',
		date_of_issue: '2024-05-29',
		result: 'second'
	},
	{
		exam_year: 2023,
		roll_number: '3456789',
		student_name_en: 'Imran Khan',
		student_name_hi: 'इमरान खान',
		gender: 'male',
		father_name_en: 'Abdul Rashid Khan',
		father_name_hi: 'अब्दुल रशीद खान',
		mother_name_en: 'Shabana Begum',
		mother_name_hi: 'शबाना बेगम',
		date_of_birth: '2007-11-21',
		date_of_issue: '2023-06-02',
		result: 'supplementary'
	},
	{
		exam_year: 2022,
		roll_number: '4567890',
		student_name_en: 'Kavita Bairwa',
		student_name_hi: 'कविता बैरवा',
		gender: 'female',
		father_name_en: 'Hanuman Sahay Bairwa',
		father_name_hi: 'हनुमान सहाय बैरवा',
		mother_name_en: 'Kamla Devi Bairwa',
		mother_name_hi: 'कमला देवी बैरवा',
		date_of_birth: '2006-01-09',
		date_of_issue: '2022-06-13',
		result: 'first'
	},
	{
		exam_year: 2021,
		roll_number: '5678901',
		student_name_en: 'Sandeep Saini',
		student_name_hi: 'संदीप सैनी',
		gender: 'male',
		father_name_en: 'Shriram Saini',
		father_name_hi: 'श्रीराम सैनी',
		mother_name_en: 'Geeta Saini',
		mother_name_hi: 'गीता सैनी',
		date_of_birth: '2005-08-30',
		date_of_issue: '2021-07-30',
		result: 'third'
	}
];

const b = (en: string, hi: string): Bilingual => ({ en, hi });
const CULTIVABLE = { land_type_en: 'Cultivable (Barani)', land_type_hi: 'कृषि योग्य (बारानी)' };

type DemoLandRecord = Omit<ReferenceLandRecordTable, 'encumbrances'> & {
	encumbrances: Bilingual[];
	owners: Omit<ReferenceLandOwnerTable, 'village_code' | 'khasra' | 'position'>[];
};

export const DEMO_LAND_RECORDS: readonly DemoLandRecord[] = [
	{
		village_code: '11501001',
		khasra: '123/45',
		khata_number: '217',
		area_square_metres: 6_320,
		land_type_en: 'Cultivable (Chahi)',
		land_type_hi: 'कृषि योग्य (चाही)',
		irrigation_en: 'Irrigated by well',
		irrigation_hi: 'कुएं से सिंचित',
		encumbrances: [
			b(
				'Mortgaged to State Bank of India, Sanganer, for a Kisan Credit Card loan of ₹2,50,000 (2024)',
				'भारतीय स्टेट बैंक, सांगानेर के पास ₹2,50,000 के किसान क्रेडिट कार्ड ऋण हेतु रहन (2024)'
			)
		],
		record_year: '2080–2083',
		owners: [
			{
				name_en: 'Ramkishan Meena',
				name_hi: 'रामकिशन मीणा',
				relation_en: 'son of Bhola Ram',
				relation_hi: 'पुत्र भोलाराम',
				share: '1/2'
			},
			{
				name_en: 'Ramesh Kumar Meena',
				name_hi: 'रमेश कुमार मीणा',
				relation_en: 'son of Ramkishan',
				relation_hi: 'पुत्र रामकिशन',
				share: '1/4'
			},
			{
				name_en: 'Suresh Kumar Meena',
				name_hi: 'सुरेश कुमार मीणा',
				relation_en: 'son of Ramkishan',
				relation_hi: 'पुत्र रामकिशन',
				share: '1/4'
			}
		]
	},
	{
		village_code: '11501001',
		khasra: '124',
		khata_number: '218',
		area_square_metres: 12_140,
		...CULTIVABLE,
		irrigation_en: 'Unirrigated (rain-fed)',
		irrigation_hi: 'असिंचित (वर्षा आधारित)',
		encumbrances: [],
		record_year: '2080–2083',
		owners: [
			{
				name_en: 'Gopal Lal Jat',
				name_hi: 'गोपाल लाल जाट',
				relation_en: 'son of Kishna Ram',
				relation_hi: 'पुत्र किसनाराम',
				share: '1/1'
			}
		]
	},
	{
		village_code: '10602001',
		khasra: '88/2',
		khata_number: '64',
		area_square_metres: 41_800,
		...CULTIVABLE,
		irrigation_en: 'Unirrigated (rain-fed)',
		irrigation_hi: 'असिंचित (वर्षा आधारित)',
		encumbrances: [
			b('Stay order of the Sub-Divisional Officer, Nokha (case 112/2025)', 'उपखंड अधिकारी, नोखा का स्थगन आदेश (प्रकरण 112/2025)')
		],
		record_year: '2079–2082',
		owners: [
			{
				name_en: 'Om Prakash Bishnoi',
				name_hi: 'ओमप्रकाश बिश्नोई',
				relation_en: 'son of Jeta Ram',
				relation_hi: 'पुत्र जेताराम',
				share: '1/3'
			},
			{
				name_en: 'Bhagirath Bishnoi',
				name_hi: 'भागीरथ बिश्नोई',
				relation_en: 'son of Jeta Ram',
				relation_hi: 'पुत्र जेताराम',
				share: '1/3'
			},
			{
				name_en: 'Santosh Bishnoi',
				name_hi: 'संतोष बिश्नोई',
				relation_en: 'daughter of Jeta Ram',
				relation_hi: 'पुत्री जेताराम',
				share: '1/3'
			}
		]
	}
];

export const DEMO_JAN_AADHAAR_MEMBERS: readonly ReferenceJanAadhaarMemberTable[] = [
	{
		member_id: 'JM1041234501',
		family_id: '1041234567',
		position: 1,
		name_en: 'Sunita Devi Sharma',
		name_hi: 'सुनीता देवी शर्मा',
		relation: 'head',
		year_of_birth: 1982,
		mobile: '9829012345',
		fingerprint_matches: 1
	},
	{
		member_id: 'JM1041234502',
		family_id: '1041234567',
		position: 2,
		name_en: 'Rajendra Prasad Sharma',
		name_hi: 'राजेन्द्र प्रसाद शर्मा',
		relation: 'spouse',
		year_of_birth: 1978,
		mobile: '9414056789',
		fingerprint_matches: 1
	},
	{
		member_id: 'JM1041234503',
		family_id: '1041234567',
		position: 3,
		name_en: 'Priya Sharma',
		name_hi: 'प्रिया शर्मा',
		relation: 'daughter',
		year_of_birth: 2009,
		mobile: null,
		fingerprint_matches: 1
	},
	{
		member_id: 'JM1041234504',
		family_id: '1041234567',
		position: 4,
		name_en: 'Aman Sharma',
		name_hi: 'अमन शर्मा',
		relation: 'son',
		year_of_birth: 2012,
		mobile: null,
		fingerprint_matches: 1
	},
	{
		member_id: 'JM1049876501',
		family_id: '1049876543',
		position: 1,
		name_en: 'Gopal Lal Jat',
		name_hi: 'गोपाल लाल जाट',
		relation: 'head',
		year_of_birth: 1961,
		mobile: '9784098765',
		fingerprint_matches: 0
	},
	{
		member_id: 'JM1049876502',
		family_id: '1049876543',
		position: 2,
		name_en: 'Bhanwari Devi',
		name_hi: 'भंवरी देवी',
		relation: 'spouse',
		year_of_birth: 1965,
		mobile: null,
		fingerprint_matches: 1
	}
];

/** Adds whichever department demo rows are missing (called by the hub's demo seed). */
export async function seedDepartments(trx: Kysely<Database>): Promise<void> {
	await trx
		.insertInto('reference_certificates')
		.values(DEMO_CERTIFICATES.map((certificate) => ({ ...certificate, particulars: JSON.stringify(certificate.particulars) })))
		.onConflict((conflict) => conflict.column('transaction_id').doNothing())
		.execute();
	await trx
		.insertInto('reference_exam_results')
		.values([...DEMO_EXAM_RESULTS])
		.onConflict((conflict) => conflict.columns(['exam_year', 'roll_number']).doNothing())
		.execute();
	for (const { owners, encumbrances, ...record } of DEMO_LAND_RECORDS) {
		const inserted = await trx
			.insertInto('reference_land_records')
			.values({ ...record, encumbrances: JSON.stringify(encumbrances) })
			.onConflict((conflict) => conflict.columns(['village_code', 'khasra']).doNothing())
			.executeTakeFirst();
		if (inserted.numInsertedOrUpdatedRows === 0n) continue;
		await trx
			.insertInto('reference_land_owners')
			.values(
				owners.map((owner, index) => ({ ...owner, village_code: record.village_code, khasra: record.khasra, position: index + 1 }))
			)
			.execute();
	}
	await trx
		.insertInto('reference_jan_aadhaar_members')
		.values([...DEMO_JAN_AADHAAR_MEMBERS])
		.onConflict((conflict) => conflict.column('member_id').doNothing())
		.execute();
}
