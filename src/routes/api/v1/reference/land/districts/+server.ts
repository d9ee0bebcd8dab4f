import type { RequestHandler } from './$types';
import { districtOptions } from '$lib/server/departments';
import { referenceList } from '$lib/server/departments/http';

export const GET: RequestHandler = () => referenceList(async () => districtOptions());
