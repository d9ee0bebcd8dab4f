import type { RequestHandler } from './$types';
import { villageOptions } from '$lib/server/departments';
import { referenceList } from '$lib/server/departments/http';

export const GET: RequestHandler = ({ params }) => referenceList(async () => villageOptions(params.tehsil));
