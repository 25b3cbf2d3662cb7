import { z } from 'zod';
import { importPaths } from '@/features/import/openapi';
import { WRITE_PATHS, WRITE_SCHEMAS } from '@/server/http/openapi-writes';
import { issueListParams } from '@/server/records/issues/schemas';
import { meetingListParams } from '@/server/records/meetings/schemas';
import { POLICY, type Permission } from '@/server/access/policy';
import { SESSION_COOKIES } from '@/server/auth/caller';
import { issueBriefingSchema } from '@/features/exports/briefing/schemas';
import { briefingQuerySchema } from '@/features/exports/params';
import { TABLES } from '@/features/exports/tables';
import { statsQuerySchema } from '@/server/stats/filters';

const BRIEFING_DOCS: Record<string, string> = {
  period: 'A year (2022) or a half-year (2022-H2).',
  format: 'docx or pdf.',
  lang: 'ru, kk or en. Default: the first of them in Accept-Language, else ru.',
};
import { STATS_RESPONSES, errorResponse } from '@/server/stats/response-schemas';

// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the routes use:
// the query parameters from the schemas that validate requests, the stats bodies from
// response-schemas.ts. Nothing here is written twice, so the document cannot drift from the code.

type JsonSchema = Record<string, unknown>;

/** What each query parameter means; the tests require an entry for every parameter of every schema. */
export const PARAMETER_DOCS: Record<string, string> = {
  period: 'A reporting period: a year (2022), a half-year (2022-H1, 2022-H2) or a quarter (2022-Q3). Not together with from/to.',
  from: 'First day of a date range, YYYY-MM-DD (inclusive), 1900-01-01 to 2199-12-31; goes with to.',
  to: 'Last day of a date range, YYYY-MM-DD (inclusive), 1900-01-01 to 2199-12-31; goes with from, not before it.',
  region: 'A region by its 9-digit KATO code. An unknown code is a 400 naming the parameter.',
  unit: 'An administrative unit (district or city) by its code; includes its rural districts.',
  category: 'An issue category by its code, such as ROADS. An unknown code is a 400.',
  level: 'The akim level: REGION, DISTRICT or RURAL.',
  body: 'A central executive body by its code, such as EDUCATION: its officials’ meetings instead of akims’.',
  asOf: 'Read statuses, money and the central-level list (which issues were on it, their dispositions and `selected` marks) as they stood on this date (YYYY-MM-DD, 1900-01-01 to 2199-12-31). Default: the period’s end, or today while it runs.',
  lang: 'Language of names: ru, kk or en. Default: the first of them in Accept-Language, else ru.',
  compare: 'What the figures are compared with: previous (default), the period of equal length just before (2022-H2 → 2022-H1), or yearAgo, the same period a year earlier (2022-H2 → 2021-H2; a from/to range shifted by 12 months). Used by summary, regions, categories, levels and central-meetings; others ignore it.',
  kind: 'The meeting kind: AKIM or CENTRAL.',
  status: 'The issue’s current status.',
  responsible: 'The level responsible for the issue.',
  sort: 'Sort order by date: ascending, or descending with a leading minus.',
  limit: 'Page size, 1 to 200 (default 50).',
  cursor: 'The nextCursor of the previous page; valid only with the same sort.',
  q: 'Search text, 2 to 100 characters, matched case-insensitively as a substring, as on the /meetings and /issues pages: meetings by the official’s name, the unit’s name or the meeting’s own number; issues by their description. `%`, `_` and `\\` are plain characters, not wildcards.',
};

const STATS_ROUTES: Record<keyof typeof STATS_RESPONSES, { permission: Permission; summary: string }> = {
  summary: { permission: 'stats.national', summary: 'Meetings, issues raised and resolved, the resolution rate and local- and republican-budget money of a period, with the compared period (compare) and the change' },
  regions: { permission: 'stats.regions', summary: 'Every region’s figures and its rank by resolution rate, each with its compared period and the change' },
  categories: { permission: 'stats.national', summary: 'Issues raised, resolved and the rate per issue category, each with its compared period and the change' },
  levels: { permission: 'stats.national', summary: 'Issues raised, resolved and the rate per akim level, each with its compared period and the change' },
  escalations: { permission: 'stats.national', summary: 'The central-level list of the period’s half-years as it stood on asOf: the entries then on it, by their disposition then, and those then selected' },
  'central-meetings': { permission: 'stats.national', summary: 'Central officials: scheduled against held meetings, Decree requirements, personal receptions, with the compared period and the change' },
  'action-plans': { permission: 'stats.national', summary: 'Akimats that published their half-year action plans, and those that did not' },
  'budget-requests': { permission: 'stats.national', summary: 'Budget requests submitted in the period, by status as of asOf (requested, pending, approved, in part, rejected by reason, withdrawn), the list’s coverage and the median days to a decision; by region and by body' },
};

/** A zod schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), without its $schema line. */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

/** The query parameters of a request schema: each top-level property, optional, with its JSON Schema. */
export function queryParametersOf(schema: z.ZodType): JsonSchema[] {
  const json = jsonSchemaOf(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    description: PARAMETER_DOCS[name] ?? property.description,
    schema: property,
  }));
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

function errors(extra: number[] = []) {
  const out: Record<string, unknown> = {
    400: { description: 'A parameter is malformed or names nothing; error.fields names each bad parameter.', content: json(ref('Error')) },
    401: { description: 'No valid session or token.', content: json(ref('Error')) },
    403: { description: 'The caller’s role lacks the permission (the refusal is audited).', content: json(ref('Error')) },
  };
  for (const status of extra) out[status] = { description: 'Not found.', content: json(ref('Error')) };
  return out;
}

const rolesOf = (permission: Permission) => `Permission \`${permission}\` (roles: ${POLICY[permission].join(', ')}).`;

const ACCEPT_LANGUAGE = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description: 'Used for names when lang is not given: the first of ru, kk, en it names; else ru.',
  schema: { type: 'string' },
};

const SECURITY = [{ bearer: [] }, { cookie: [] }];

/** The component name of each stats route's body. */
const SCHEMA_NAMES: Record<keyof typeof STATS_RESPONSES, string> = {
  summary: 'StatsSummary',
  regions: 'StatsRegions',
  categories: 'StatsCategories',
  levels: 'StatsLevels',
  escalations: 'StatsEscalations',
  'central-meetings': 'StatsCentralMeetings',
  'action-plans': 'StatsActionPlans',
  'budget-requests': 'StatsBudgetRequests',
};

/** The whole document. Built on each request: it is small, and cheap to make. */
export function buildOpenApiDocument() {
  const statsParameters = [...queryParametersOf(statsQuerySchema), ACCEPT_LANGUAGE];
  const schemas: Record<string, JsonSchema> = { Error: jsonSchemaOf(errorResponse, 'output') };
  const paths: Record<string, unknown> = {};

  for (const [name, response] of Object.entries(STATS_RESPONSES) as Array<[keyof typeof STATS_RESPONSES, z.ZodType]>) {
    const id = SCHEMA_NAMES[name];
    schemas[id] = jsonSchemaOf(response, 'output');
    const route = STATS_ROUTES[name];
    paths[`/api/v1/stats/${name}`] = {
      get: {
        operationId: `stats${id.replace(/^Stats/, '')}`,
        tags: ['stats'],
        summary: route.summary,
        description: `${rolesOf(route.permission)} A region or unit filter also needs \`stats.regions\`. `
          + 'Without period or from/to: the latest half-year with akim meetings. Rates are fractions 0..1; money is integer tenge.',
        'x-permission': route.permission,
        parameters: statsParameters,
        responses: { 200: { description: 'The figures.', content: json(ref(id)) }, ...errors() },
      },
    };
  }

  const list = (what: 'meetings' | 'issues', schema: z.ZodType, summary: string) => ({
    get: {
      operationId: `list${what[0]!.toUpperCase()}${what.slice(1)}`,
      tags: ['records'],
      summary,
      description: `${rolesOf('records.read')} Only records in the caller’s scope (region or body for editors). `
        + 'A filter outside that scope (another region, a central body or central meetings for an akimat editor; another body or akim meetings for a ministry editor) is refused with 403, and the refusal is audited.',
      'x-permission': 'records.read',
      parameters: queryParametersOf(schema),
      responses: {
        200: {
          description: 'A page of records, newest first unless sort says otherwise; nextCursor is null on the last page.',
          content: json({ type: 'object', properties: { items: { type: 'array', items: { type: 'object' } }, nextCursor: { type: ['string', 'null'] } } }),
        },
        ...errors(),
      },
    },
  });
  const one = (what: 'meeting' | 'issue') => ({
    get: {
      operationId: `get${what[0]!.toUpperCase()}${what.slice(1)}`,
      tags: ['records'],
      summary: `One ${what} by id`,
      description: `${rolesOf('records.read')} 403 when the record is outside the caller’s scope.`,
      'x-permission': 'records.read',
      parameters: [{ name: 'id', in: 'path', required: true, description: `The ${what}’s id.`, schema: { type: 'string', pattern: '^[1-9]\\d{0,9}$' } }],
      responses: { 200: { description: `The ${what}.`, content: json({ type: 'object' }) }, ...errors([404]) },
    },
  });
  paths['/api/v1/meetings'] = list('meetings', meetingListParams, 'Meetings, filtered, a page at a time');
  paths['/api/v1/meetings/{id}'] = one('meeting');
  paths['/api/v1/issues'] = list('issues', issueListParams, 'Raised issues, filtered, a page at a time');
  paths['/api/v1/issues/{id}'] = one('issue');
  paths['/api/v1/health'] = {
    get: {
      operationId: 'health', tags: ['meta'], summary: 'An authenticated no-op', 'x-permission': 'stats.national',
      responses: { 200: { description: 'OK.', content: json({ type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] }) }, 401: errors()[401] },
    },
  };
  const file = (type: string, what: string) => ({ description: what, content: { [type]: { schema: { type: 'string', contentEncoding: 'binary' } } } });
  const exportParameters = [
    ...statsParameters,
    { name: 'delimiter', in: 'query', required: false, description: 'CSV only: ; (default, for Excel) or ,.', schema: { enum: [';', ','] } },
  ];
  paths['/api/v1/exports/briefing'] = {
    get: {
      operationId: 'exportBriefing', tags: ['exports'], summary: 'A draft of the briefing (information and reference materials) for a half-year or a year',
      description: `${rolesOf('briefing.draft')} Every figure from the statistics above, as at the period’s end; marked as a draft. Audited.`,
      'x-permission': 'briefing.draft',
      parameters: queryParametersOf(briefingQuerySchema).map((p) => ({ ...p, description: BRIEFING_DOCS[p.name as string] })),
      responses: { 200: file('application/octet-stream', 'The DOCX or PDF file.'), ...errors() },
    },
  };
  paths['/api/v1/exports/workbook'] = {
    get: {
      operationId: 'exportWorkbook', tags: ['exports'], summary: 'Every table of a period as one XLSX workbook, streamed',
      description: `${rolesOf('exports.tables')} Sheets: summary (with the filters applied), regions, categories, budget, central-level list, central officials, action plans, and the meetings and issues in the caller’s scope. Headers in lang. Audited.`,
      'x-permission': 'exports.tables',
      parameters: statsParameters,
      responses: { 200: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The workbook.'), ...errors() },
    },
  };
  paths['/api/v1/exports/csv/{table}'] = {
    get: {
      operationId: 'exportCsv', tags: ['exports'], summary: 'One table of a period as CSV (UTF-8 with BOM), streamed',
      description: `${rolesOf('exports.tables')} A text cell starting with = + - @, a tab or CR is prefixed with an apostrophe so spreadsheets show it as text. Audited.`,
      'x-permission': 'exports.tables',
      parameters: [{ name: 'table', in: 'path', required: true, description: 'The table.', schema: { enum: [...TABLES] } }, ...exportParameters],
      responses: { 200: file('text/csv', 'The CSV file.'), ...errors() },
    },
  };
  paths['/api/v1/briefings'] = {
    get: {
      operationId: 'listBriefings', tags: ['exports'], summary: 'The issued briefings, every version, newest first',
      description: rolesOf('briefing.draft'), 'x-permission': 'briefing.draft',
      responses: { 200: { description: 'items: id, period, version, issuedAt, issuedBy, files with their links.', content: json({ type: 'object' }) }, ...errors() },
    },
    post: {
      operationId: 'issueBriefing', tags: ['exports'], summary: 'Issue the official briefing of a half-year, closing the half-year for changes',
      description: `${rolesOf('briefing.issue')} Stores DOCX and PDF in ru, kk and en and the figures as JSON; never changed afterwards. 409 when already issued and still closed: an admin reopens first, and the reissue is the next version. Audited.`,
      'x-permission': 'briefing.issue',
      requestBody: { required: true, content: json(jsonSchemaOf(issueBriefingSchema, 'input')) },
      responses: { 201: { description: 'The issued version.', content: json({ type: 'object' }) }, ...errors([409]) },
    },
  };
  paths['/api/v1/briefings/{id}/{lang}/{format}'] = {
    get: {
      operationId: 'getIssuedBriefingFile', tags: ['exports'], summary: 'One stored file of an issued briefing, exactly as issued',
      description: rolesOf('briefing.draft'), 'x-permission': 'briefing.draft',
      parameters: [
        { name: 'id', in: 'path', required: true, description: 'The issued version’s id.', schema: { type: 'string', pattern: '^[1-9]\\d{0,8}$' } },
        { name: 'lang', in: 'path', required: true, description: 'ru, kk or en.', schema: { enum: ['ru', 'kk', 'en'] } },
        { name: 'format', in: 'path', required: true, description: 'docx or pdf.', schema: { enum: ['docx', 'pdf'] } },
      ],
      responses: { 200: file('application/octet-stream', 'The file.'), ...errors([404]) },
    },
  };
  Object.assign(paths, importPaths(errors));
  paths['/api/v1/openapi.json'] = {
    get: {
      operationId: 'openapi', tags: ['meta'], summary: 'This document', 'x-permission': 'stats.national',
      responses: { 200: { description: 'The OpenAPI 3.1 document.', content: json({ type: 'object' }) }, 401: errors()[401], 403: errors()[403] },
    },
  };

  // The write operations (data entry) join the same paths.
  for (const [path, operations] of Object.entries(WRITE_PATHS)) paths[path] = { ...(paths[path] as object | undefined), ...operations };
  Object.assign(schemas, WRITE_SCHEMAS);

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Kezdesu API',
      version: '1',
      description: [
        'Officials’ meetings with citizens: records and statistics.',
        '',
        '- **Rates and shares are fractions from 0 to 1**, not percentages (0.755 means 75.5 %); null when there is nothing to divide by.',
        '- **Money is an integer number of tenge (KZT)**, never thousands or millions.',
        '- Dates are calendar dates YYYY-MM-DD in Kazakhstan; periods are inclusive.',
        '- A bad parameter is a 400 whose `error.fields` names each bad parameter; errors never carry stack traces.',
        '- Authenticate with an API token (`Authorization: Bearer kz_…`) or the web session cookie.',
      ].join('\n'),
    },
    servers: [{ url: '/' }],
    security: SECURITY,
    tags: [
      { name: 'stats', description: 'Aggregated figures' },
      { name: 'records', description: 'Meetings and raised issues' },
      { name: 'exports', description: 'The briefing, the workbook, CSV tables and the archive of issued briefings' },
      { name: 'import', description: 'Bulk import from a spreadsheet' },
      { name: 'meta', description: 'Health and this document' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http', scheme: 'bearer',
          description: 'An API token, kz_…, issued by an administrator (never to an admin), for /api/v1 only. Its scope is read (any method but GET and HEAD is a 403) or read-write.',
        },
        cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIES[1], description: `The web session cookie (${SESSION_COOKIES[0]} over HTTPS).` },
      },
      schemas,
    },
  };
}
