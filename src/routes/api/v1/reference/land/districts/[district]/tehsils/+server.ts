import type { RequestHandler } from './$types';
import { tehsilOptions } from '$lib/server/departments';
import { referenceList } from '$lib/server/departments/http';

export const GET: RequestHandler = ({ params }) => referenceList(async () => tehsilOptions(params.district));
