import type { SpecialCategory } from '@civicgrid/shared/special-populations';
import { maskPhone } from '@civicgrid/shared/validators';
import { audit } from '../../core/audit.ts';
import { localDay } from '../../core/calendar.ts';
import type { SignedInContext } from '../../core/context.ts';
import { registerTaskKind, taskKindPage, type TaskKindDef } from '../../core/tasks/registry.ts';
import { caseloadFiles, countDue, dueForCaseload, dueRowsPage } from './caseload-repository.ts';
import { OWNER } from './contact-repository.ts';
import { dueState } from './contact-service.ts';
import { addDays, parseRule } from './rhythm.ts';
import { readableCategories } from './service.ts';
import { loadSpecialSettings } from './settings.ts';

const day = (d: unknown) => String(d instanceof Date ? d.toISOString() : d).slice(0, 10);

const KIND_ZH: Record<string, string> = {
  home_visit: '走访',
  office_talk: '谈话',
  phone: '电话',
  video: '视频',
  report_in: '报告',
  test: '检测',
  followup: '随访',
  education: '教育',
  community_service: '社区服务',
};

/** 我的待办: contacts due today or earlier for the worker's own people, oldest first. */
export const contactDueTaskKind: TaskKindDef = {
  kind: 'special.contact_due',
  module: 'special-populations',
  label: { zh: '帮教走访到期', en: 'Contacts due' },
  anyOf: ['special.read'],
  async count(ctx) {
    return countDue(ctx.db, ctx.user.id, readableCategories(ctx), localDay(ctx.clock.now()));
  },
  async list(ctx, page) {
    const today = localDay(ctx.clock.now());
    const rows = await dueRowsPage(ctx.db, ctx.user.id, readableCategories(ctx), today, page);
    const s = await loadSpecialSettings(ctx.db);
    return taskKindPage(
      rows,
      page.limit,
      (r) => [day(r.due_on), String(r.id)],
      (r) => ({
        ownerType: OWNER,
        ownerId: r.file_id,
        title: `${KIND_ZH[parseRule(r.rule).kind] ?? parseRule(r.rule).kind}：${r.name}`,
        dueAt: new Date(`${day(r.due_on)}T23:59:59+08:00`).toISOString(),
        slaState: dueState(day(r.due_on), today, s.graceDays) === 'overdue' ? 'overdue' : 'warning',
        url: `/special/mine`,
      }),
    );
  },
};

export function registerContactTaskKind() {
  registerTaskKind(contactDueTaskKind);
}

/**
 * 我的帮教对象: the worker's own people with what is due in the next week. Names as in the lists, the phone
 * masked; one audit row per read, naming how many files it showed.
 */
export async function myCaseload(ctx: SignedInContext) {
  const cats = readableCategories(ctx);
  const today = localDay(ctx.clock.now());
  const files = await caseloadFiles(ctx.db, ctx.user.id, cats);
  const due = await dueForCaseload(ctx.db, ctx.user.id, cats, addDays(today, 7));
  const s = await loadSpecialSettings(ctx.db);
  await audit(ctx, {
    action: 'special_person.caseload_view',
    entityType: 'special_person',
    summary: `read own caseload (${files.length} files)`,
    after: { ids: files.map((f) => f.id) },
  });
  const items = files.map((f) => {
    const mine = due.filter((d) => d.file_id === f.id);
    return {
      id: f.id,
      category: f.category as SpecialCategory,
      status: f.status,
      managementLevel: f.management_level,
      riskLevel: f.risk_level,
      personName: f.name,
      personPhone: f.phone ? maskPhone(f.phone) : null,
      due: mine.map((d) => ({
        kind: parseRule(d.rule).kind,
        dueOn: day(d.due_on),
        state: dueState(day(d.due_on), today, s.graceDays),
      })),
    };
  });
  // Those with something overdue or due first, then the rest by name.
  const rank = (i: (typeof items)[number]) =>
    i.due.some((d) => d.state === 'overdue') ? 0 : i.due.some((d) => d.state === 'due') ? 1 : 2;
  return { items: items.sort((a, b) => rank(a) - rank(b)) };
}
