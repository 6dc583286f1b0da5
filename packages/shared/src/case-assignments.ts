import { z } from 'zod';

/**
 * 大联动: a co-department's share of a case runs its own small workflow beside the lead's (the case). Shared by
 * the API (the runner validates each action's input) and the web (the assignment row's buttons and dialogs).
 */
export const ASSIGNMENT_STATUSES = ['pending', 'working', 'declined', 'done', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const OPEN_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['pending', 'working'];

export const ASSIGNMENT_ACTIONS = ['accept_co', 'decline_co', 'feedback_co', 'withdraw_co'] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

const reason = z.string().trim().min(1).max(1000);
const note = z.string().trim().min(1).max(2000);

export const ASSIGNMENT_ACTION_INPUTS = {
  accept_co: z.object({ note: note.optional() }),
  decline_co: z.object({ reason }),
  feedback_co: z.object({
    result: z.string().trim().min(1).max(4000),
    attachmentIds: z.array(z.uuid()).max(20).optional(),
  }),
  withdraw_co: z.object({ reason: reason.optional() }),
} as const satisfies Record<AssignmentAction, z.ZodObject>;

export type AssignmentActionInput<A extends AssignmentAction> = z.infer<(typeof ASSIGNMENT_ACTION_INPUTS)[A]>;

/** The body of POST /api/cases/:id/assignments/:assignmentId/actions. */
export const assignmentActionBody = z.object({
  action: z.enum(ASSIGNMENT_ACTIONS),
  version: z.number().int().min(1),
  reason: reason.optional(),
  note: note.optional(),
  result: z.string().trim().min(1).max(4000).optional(),
  attachmentIds: z.array(z.uuid()).max(20).optional(),
});
export type AssignmentActionBody = z.infer<typeof assignmentActionBody>;
