import { useQuery } from '@tanstack/react-query';
import type { TemplateAction } from '@civicgrid/shared/case-reply-templates';
import { api } from '../../lib/api';
import { sendRaw } from '../../lib/send-raw';

/** 常用回复 (GET /api/case-reply-templates). */
export interface ReplyTemplate {
  id: string;
  orgId: string;
  orgName: string;
  action: TemplateAction;
  categoryId: string | null;
  categoryName: string | null;
  title: string;
  body: string;
  version: number;
}
export interface ReplyTemplateBody {
  action: TemplateAction;
  categoryId?: string | null;
  title: string;
  body: string;
}

export const templateKeys = {
  all: ['case-reply-templates'] as const,
  list: (action?: string, categoryId?: string) => ['case-reply-templates', action, categoryId] as const,
};

export function useReplyTemplates(action?: TemplateAction, categoryId?: string) {
  return useQuery({
    queryKey: templateKeys.list(action, categoryId),
    queryFn: ({ signal }) =>
      api<{ items: ReplyTemplate[] }>('/api/case-reply-templates', {
        signal,
        query: { action, categoryId },
      }).then((r) => r.items),
  });
}

export const templateApi = {
  create: (body: ReplyTemplateBody, idempotencyKey: string) =>
    sendRaw<ReplyTemplate>('/api/case-reply-templates', {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  update: (id: string, body: Partial<ReplyTemplateBody> & { version: number }) =>
    api<ReplyTemplate>(`/api/case-reply-templates/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  remove: (id: string) =>
    api<void>(`/api/case-reply-templates/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
