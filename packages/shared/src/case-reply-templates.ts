import { z } from 'zod';

/** 常用回复: the case actions whose note a template fills, and the field of each it fills. */
export const TEMPLATE_ACTIONS = ['feedback', 'reject', 'return', 'callback'] as const;
export type TemplateAction = (typeof TEMPLATE_ACTIONS)[number];
export const TEMPLATE_FIELD: Record<TemplateAction, 'result' | 'reason' | 'note'> = {
  feedback: 'result',
  reject: 'reason',
  return: 'reason',
  callback: 'note',
};

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL bytes');

export const replyTemplateInput = z.object({
  action: z.enum(TEMPLATE_ACTIONS),
  categoryId: z.uuid().nullable().optional(),
  title: text(60),
  body: text(2000),
});
export type ReplyTemplateInput = z.infer<typeof replyTemplateInput>;

export const replyTemplatePatch = replyTemplateInput.partial().extend({ version: z.number().int().min(1) });

export const replyTemplateQuery = z.object({
  action: z.enum(TEMPLATE_ACTIONS).optional(),
  categoryId: z.uuid().optional(),
});
