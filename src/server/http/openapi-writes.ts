import { z } from 'zod';
import { createIssueSchema, statusChangeSchema, updateIssueSchema } from '@/server/records/issues/schemas';
import { createMeetingSchema, updateMeetingSchema } from '@/server/records/meetings/schemas';
import {
  createBudgetRequestSchema, decideBudgetRequestSchema, submitBudgetRequestSchema, updateBudgetRequestSchema, withdrawBudgetRequestSchema,
} from '@/server/records/budget/schemas';
import { POLICY, type Permission } from '@/server/access/policy';

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
  BudgetRequestCreate: bodySchema(createBudgetRequestSchema),
  BudgetRequestUpdate: bodySchema(updateBudgetRequestSchema),
  BudgetRequestSubmit: bodySchema(submitBudgetRequestSchema),
  BudgetRequestWithdraw: bodySchema(withdrawBudgetRequestSchema),
  BudgetRequestDecision: bodySchema(decideBudgetRequestSchema),
};

const ID = { name: 'id', in: 'path', required: true, description: 'The record’s id.', schema: { type: 'string', pattern: '^[1-9]\\d{0,9}$' } };
const LANG = { name: 'lang', in: 'query', required: false, description: 'Language of refusal messages: ru, kk or en (else Accept-Language, else ru).', schema: { enum: ['ru', 'kk', 'en'] } };
const roles = (permission: Permission) => `Permission \`${permission}\` (roles: ${POLICY[permission].join(', ')}), within the caller’s scope.`;

function write(operationId: string, summary: string, body: string, created: boolean, versioned: boolean, withId: boolean, permission: Permission = 'records.write') {
  return {
    operationId,
    tags: [permission === 'records.write' ? 'records' : 'budget-requests'],
    summary,
    description: `${roles(permission)} Validated by the same schema as the form. A record dated in a closed half-year is refused with 422.${versioned ? ' The body carries the `version` read; a stale version is refused with 409 and changes nothing.' : ''}`,
    'x-permission': permission,
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
  '/api/v1/budget-requests': { post: write('createBudgetRequest', 'An akimat drafts a budget request to a central body: the amount, the issues it covers, a note', 'BudgetRequestCreate', true, false, false, 'region.plans.write') },
  '/api/v1/budget-requests/{id}': { patch: write('updateBudgetRequest', 'Change a draft budget request; a submitted one is fixed (422)', 'BudgetRequestUpdate', false, true, true, 'region.plans.write') },
  '/api/v1/budget-requests/{id}/submit': { post: write('submitBudgetRequest', 'The akimat submits its draft on a date', 'BudgetRequestSubmit', false, true, true, 'region.plans.write') },
  '/api/v1/budget-requests/{id}/withdraw': { post: write('withdrawBudgetRequest', 'The akimat withdraws a submitted request, with a reason', 'BudgetRequestWithdraw', false, true, true, 'region.plans.write') },
  '/api/v1/budget-requests/{id}/decision': {
    post: write('decideBudgetRequest', 'The addressed body approves, approves in part (with the approved amount) or rejects (with a reason code)', 'BudgetRequestDecision', false, true, true, 'budget.decide'),
  },
};
