import type { RequestHandler } from './$types';
import { printOrderRequest } from '$lib/contract';
import { orderPrint } from '$lib/server/departments';
import { departmentRequest } from '$lib/server/departments/http';

/** "प्रमाणपत्र प्रिंट करें": a print order for the document and its fee, quoted by the payment core. */
export const POST: RequestHandler = (event) =>
	departmentRequest(event, printOrderRequest, (deps, kiosk, request) => orderPrint(deps, kiosk, request, event.url.origin));
