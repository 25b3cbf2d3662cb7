import { POLICY } from '@/server/access/policy';

// The import routes as the OpenAPI document lists them (merged by stats/openapi.ts).

type Json = Record<string, unknown>;

const rowError = {
  type: 'object',
  properties: {
    row: { type: 'integer', description: 'Row number in the spreadsheet, the header being row 1; 0 for the file as a whole.' },
    column: { type: 'string', description: 'The column’s header as written in the file.' },
    field: { type: 'string', description: 'The column’s key (see the README, "Import columns"), or "file".' },
    message: { type: 'string', description: 'What is wrong, in the request’s language (?lang, the NEXT_LOCALE cookie, then Accept-Language).' },
  },
  required: ['row', 'column', 'field', 'message'],
};
const errorsBody = { type: 'object', properties: { errors: { type: 'array', items: rowError } }, required: ['errors'] };
/** The progress mode of both routes (`Accept: application/x-ndjson`). */
const progressStream = {
  'application/x-ndjson': {
    schema: {
      description: 'Sent when the request’s Accept header names application/x-ndjson: one JSON object per line — progress lines { phase: "reading" | "checking" | "writing", done, total } in rows, then a last line { status, body } holding the status and body the plain request would have answered (200, 400 or 422).',
      oneOf: [
        { type: 'object', properties: { phase: { type: 'string', enum: ['reading', 'checking', 'writing'] }, done: { type: 'integer' }, total: { type: 'integer' } }, required: ['phase', 'done', 'total'] },
        { type: 'object', properties: { status: { type: 'integer' }, body: { type: 'object' } }, required: ['status', 'body'] },
      ],
    },
  },
};
const json = (schema: Json) => ({ 'application/json': { schema } });
const roles = `Permission \`records.write\` (roles: ${POLICY['records.write'].join(', ')}); rows outside the caller’s scope are errors: an akimat editor imports its region’s (or unit’s) akim meetings, a ministry editor its own body’s central officials’ meetings (rows with the body’s code), an admin both.`;

export function importPaths(errors: (extra?: number[]) => Record<string, unknown>): Record<string, unknown> {
  return {
    '/api/v1/imports': {
      post: {
        operationId: 'checkImport', tags: ['import'], 'x-permission': 'records.write',
        summary: 'Check a spreadsheet of meetings and raised issues (XLSX, or CSV in UTF-8 or Windows-1251 with ";" or ","); nothing is written yet',
        description: `${roles} One row per raised issue; a meeting is (region, meeting number), an issue (meeting, issue number). Row errors come back with 200: they are the preview. With \`Accept: application/x-ndjson\` the answer is streamed with the progress of reading and checking the rows.`,
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } },
        },
        responses: {
          200: {
            description: 'The check: its id (for the commit), the rows read, the rows ready, and every error by row and column.',
            content: { ...progressStream, ...json({
              type: 'object',
              properties: {
                id: { type: 'string', format: 'uuid' }, rows: { type: 'integer' }, ready: { type: 'integer' }, errors: { type: 'array', items: rowError },
                fileHash: { type: 'string', description: 'SHA-256 of the file, hex.' }, format: { type: 'string' },
                alreadyImportedAt: { type: ['string', 'null'], format: 'date-time', description: 'When the caller last committed a file with the same hash.' },
                sample: { type: 'array', items: { type: 'object' }, description: 'The first 200 rows ready to write.' },
              },
              required: ['id', 'rows', 'errors'],
            }) },
          },
          ...errors(),
          400: { description: 'No file, or a file that is not a spreadsheet.', content: json(errorsBody) },
        },
      },
    },
    '/api/v1/imports/{id}/commit': {
      post: {
        operationId: 'commitImport', tags: ['import'], 'x-permission': 'records.write',
        summary: 'Write a checked spreadsheet: every row in one transaction, or none',
        description: `${roles} Existing keys update the issue’s status and local-budget amounts; a repeated commit, or a commit of the same rows, changes nothing. With \`Accept: application/x-ndjson\` the answer is streamed with the progress of checking and writing the rows (still one transaction).`,
        parameters: [{ name: 'id', in: 'path', required: true, description: 'The id the check answered.', schema: { type: 'string', format: 'uuid' } }],
        responses: {
          200: {
            description: 'What was written.',
            content: { ...progressStream, ...json({
              type: 'object',
              properties: {
                id: { type: 'string' }, meetings: { type: 'integer' }, issues: { type: 'integer' }, statuses: { type: 'integer' }, money: { type: 'integer' },
                receptions: { type: 'integer', description: 'Personal receptions added with new central meetings.' }, repeated: { type: 'boolean' },
              },
              required: ['meetings', 'issues', 'statuses', 'money'],
            }) },
          },
          ...errors([404]),
          422: { description: 'The check had errors, or the data changed since it; nothing was written.', content: json(errorsBody) },
        },
      },
    },
  };
}
