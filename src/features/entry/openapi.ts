import { z } from 'zod';
import { createIssueSchema, statusChangeSchema, updateIssueSchema } from '@/features/issues/schemas';
import { createMeetingSchema, updateMeetingSchema } from '@/features/meetings/schemas';
import { POLICY } from '@/server/access/policy';

// The write API's part of the OpenAPI document: request bodies from the very zod schemas the
// routes parse with, and the refusal shape `{ errors: [{ field, message }] }`.

type JsonSchema = Record<string, unknown>;

const bodySchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const refusalRef = { $ref: '#/components/schemas/WriteRefusal' };
const errorRef = { $ref: '#/components/schemas/Error' };

export const WRITE_SCHEMAS: Record<string, JsonSchema> = {
  WriteRefusal: {
    type: 'object',
    description: 'Why a write was refused: each field (a dotted path into the body, such as issues.0.categoryCode) with a message in the caller’s language.',
    properties: { errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } }, required: ['field', 'message'] } } },
    required: ['errors'],
  },
  MeetingCreate: bodySchema(createMeetingSchema),
  MeetingUpdate: bodySchema(updateMeetingSchema),
  IssueCreate: bodySchema(createIssueSchema),
  IssueUpdate: bodySchema(updateIssueSchema),
  IssueStatusChange: bodySchema(statusChangeSchema),
};

const ID = { name: 'id', in: 'path', required: true, description: 'The record’s id.', schema: { type: 'string', pattern: '^[1-9]\\d{0,9}$' } };
const LANG = { name: 'lang', in: 'query', required: false, description: 'Language of refusal messages: ru, kk or en (else Accept-Language, else ru).', schema: { enum: ['ru', 'kk', 'en'] } };
const roles = `Permission \`records.write\` (roles: ${POLICY['records.write'].join(', ')}), within the caller’s scope.`;

function write(operationId: string, summary: string, body: string, created: boolean, versioned: boolean, withId: boolean) {
  return {
    operationId,
    tags: ['records'],
    summary,
    description: `${roles} Validated by the same schema as the form. A record dated in a closed half-year is refused with 422.${versioned ? ' The body carries the `version` read; a stale version is refused with 409 and changes nothing.' : ''}`,
    'x-permission': 'records.write',
    parameters: withId ? [ID, LANG] : [LANG],
    requestBody: { required: true, content: json({ $ref: `#/components/schemas/${body}` }) },
    responses: {
      [created ? 201 : 200]: { description: 'Saved: the id and the new version.', content: json({ type: 'object', properties: { id: { type: 'integer' }, version: { type: 'integer' } }, required: ['id', 'version'] }) },
      400: { description: 'The body does not match the schema; each bad field is named.', content: json(refusalRef) },
      401: { description: 'No valid session or token.', content: json(errorRef) },
      403: { description: 'The role lacks the permission, or the record or reference is outside the caller’s scope (audited).', content: json(errorRef) },
      ...(withId ? { 404: { description: 'No such record (or it was deleted).', content: json(errorRef) } } : {}),
      ...(versioned ? { 409: { description: 'Someone changed the record since `version` was read; nothing changed.', content: json(refusalRef) } } : {}),
      422: { description: 'A rule refused it (unknown reference, transition not allowed, date before the issue was raised, closed half-year); each field is named.', content: json(refusalRef) },
    },
  };
}

/** Operations to merge into the document's paths. */
export const WRITE_PATHS: Record<string, Record<string, unknown>> = {
  '/api/v1/meetings': { post: write('createMeeting', 'Record a meeting with its issues (and, for a central official, checklist and receptions)', 'MeetingCreate', true, false, false) },
  '/api/v1/meetings/{id}': { patch: write('updateMeeting', 'Change a meeting’s own fields', 'MeetingUpdate', false, true, true) },
  '/api/v1/issues': { post: write('createIssue', 'Add an issue raised at an existing meeting', 'IssueCreate', true, false, false) },
  '/api/v1/issues/{id}': { patch: write('updateIssue', 'Change an issue’s category, description or responsible level', 'IssueUpdate', false, true, true) },
  '/api/v1/issues/{id}/status': { post: write('changeIssueStatus', 'Record a status change with its effective date and comment', 'IssueStatusChange', true, true, true) },
};
