import type { RequestHandler } from './$types';
import { ApiError } from '$lib/server/api/http';

/** Any other API path answers in JSON too, so a kiosk never has to parse an HTML error page. */
export const fallback: RequestHandler = ({ params }) =>
	new ApiError(404, 'unknown_route', `There is no API at /api/v1/${params.path}`).toResponse();
