import { z } from 'zod';
import { CASE_ACTIONS, EVALUATIONS, type CaseAction } from './cases.ts';
import { CALLBACK_OUTCOMES } from './case-return-visit.ts';

/**
 * What each case action carries, shared by the API (the workflow runner validates an action's input with its
 * schema, so a missing field answers 400 naming it) and the web (the generic action dialog builds its form
 * from the same schema: a required key is a required form field).
 */
const reason = z.string().trim().min(1).max(1000);
const note = z.string().trim().min(1).max(2000);
const result = z.string().trim().min(1).max(4000);
const attachmentIds = z.array(z.uuid()).max(20);
const deadline = z.coerce.date();

export const CASE_ACTION_INPUTS = {
  register: z.object({ note: note.optional() }),
  reject: z.object({ reason }),
  merge: z.object({ targetCaseId: z.uuid(), reason: reason.optional() }),
  dispatch: z.object({
    departmentId: z.uuid(),
    coDepartmentIds: z.array(z.uuid()).max(10).optional(),
    deadline: deadline.optional(),
    note: note.optional(),
  }),
  accept: z.object({ note: note.optional() }),
  return: z.object({ reason }),
  feedback: z.object({ result, attachmentIds: attachmentIds.optional() }),
  verify: z.object({ passed: z.boolean(), note: note.optional(), attachmentIds: attachmentIds.optional() }),
  close: z.object({ note: note.optional() }),
  evaluate: z.object({ evaluation: z.enum(EVALUATIONS), comment: z.string().trim().max(1000).optional() }),
  escalate: z.object({ reason }),
  extend: z.object({ reason, deadline }),
  decide_extension: z.object({ approved: z.boolean(), note: note.optional() }),
  supervise: z.object({ note, deadline: deadline.optional() }),
  suspend: z.object({ reason }),
  resume: z.object({ note: note.optional() }),
  self_handle: z.object({ result, attachmentIds: attachmentIds.optional() }),
  assign_co: z.object({ departmentId: z.uuid(), deadline: deadline.optional(), note: note.optional() }),
  override_co: z.object({ reason }),
  assign: z.object({ userId: z.uuid(), note: note.optional() }),
  comment: z.object({ note, mentionOrgIds: z.array(z.uuid()).max(10).optional() }),
  callback: z.object({ outcome: z.enum(CALLBACK_OUTCOMES), note: note.optional() }),
  reopen: z.object({ reason }),
} as const satisfies Record<CaseAction, z.ZodObject>;

export type CaseActionInput<A extends CaseAction> = z.infer<(typeof CASE_ACTION_INPUTS)[A]>;

/**
 * The body of POST /api/cases/:id/actions: the action, the version it was taken on, and any field an action
 * may carry (each optional here; the action's own schema above says which it needs).
 */
export const caseActionBody = z.object({
  action: z.enum(CASE_ACTIONS),
  version: z.number().int().min(1),
  reason: reason.optional(),
  note: note.optional(),
  result: result.optional(),
  departmentId: z.uuid().optional(),
  coDepartmentIds: z.array(z.uuid()).max(10).optional(),
  deadline: deadline.optional(),
  attachmentIds: attachmentIds.optional(),
  passed: z.boolean().optional(),
  approved: z.boolean().optional(),
  evaluation: z.enum(EVALUATIONS).optional(),
  comment: z.string().trim().max(1000).optional(),
  targetCaseId: z.uuid().optional(),
  userId: z.uuid().optional(),
  mentionOrgIds: z.array(z.uuid()).max(10).optional(),
  outcome: z.enum(CALLBACK_OUTCOMES).optional(),
});
export type CaseActionBody = z.infer<typeof caseActionBody>;
