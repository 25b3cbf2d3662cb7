// GET /api/v1/openapi.json – the OpenAPI 3.1 description of this API, generated from the zod schemas the routes validate with.
import { buildOpenApiDocument } from '@/app/api/v1/openapi.json/document';
import { apiRoute } from '@/server/api';

export const GET = apiRoute({ permission: 'stats.national', route: 'GET /api/v1/openapi.json' }, async () => buildOpenApiDocument());
