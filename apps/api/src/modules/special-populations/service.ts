import { classPermission } from '@civicgrid/shared/records';
import {
  MANAGEMENT_LEVELS,
  RELEASED_WINDOW_YEARS,
  SPECIAL_CATEGORIES,
  SUBCATEGORIES,
  teamWarnings,
  type SpecialCategory,
  type SpecialFileCreate,
  type SpecialFileListQuery,
} from '@civicgrid/shared/special-populations';
import { maskCitizenId, maskPhone } from '@civicgrid/shared/validators';
import { audit } from '../../core/audit.ts';
import { hasPermission, inTransaction, type SignedInContext } from '../../core/context.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import { pathIsInScope } from '../../core/org-scope.ts';
import { auditDetailRead } from '../../core/records/classes.ts';
import { subjectType } from '../../core/records/subject-types.ts';
import { startReportClock, workflowPart } from './actions.ts';
import * as repo from './repository.ts';
import { loadSpecialSettings } from './settings.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const day = (d: string | null) => (d ? String(d).slice(0, 10) : null);

/** The categories whose class this caller reads: the only files that exist for them. */
export function readableCategories(ctx: SignedInContext): SpecialCategory[] {
  return SPECIAL_CATEGORIES.filter((c) => hasPermission(ctx, classPermission(c, 'read')));
}

function addDays(date: string, n: number) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function addYears(date: string, n: number) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + n);
  return d.toISOString().slice(0, 10);
}

/** A list row: the ID number and phone masked; only the file page (audited) shows them in clear. */
export function presentListItem(r: repo.FileRow) {
  return {
    id: r.id,
    category: r.category as SpecialCategory,
    subcategory: r.subcategory,
    status: r.status,
    managementLevel: r.management_level,
    riskLevel: r.risk_level,
    personName: r.person_name,
    personIdNumber: maskCitizenId(r.person_id_number),
    personPhone: r.person_phone ? maskPhone(r.person_phone) : null,
    responsibleOrgName: r.responsible_org_name,
    cadreName: r.cadre_name,
    startDate: day(r.start_date)!,
    plannedEnd: day(r.planned_end),
    reportDue: day(r.report_due),
    windowEnd: day(r.window_end),
    createdAt: iso(r.created_at)!,
    version: r.version,
  };
}

export async function listFiles(ctx: SignedInContext, f: SpecialFileListQuery) {
  const cats = readableCategories(ctx);
  const page = await repo.listFileRows(ctx.db, ctx.scope, cats, f, ctx.user.id);
  const total = f.cursor ? undefined : await repo.countFiles(ctx.db, ctx.scope, cats, f, ctx.user.id);
  return { items: page.items.map(presentListItem), nextCursor: page.nextCursor, total };
}

/** The file page: 404 without the category's class; every read leaves an audit row. */
export async function getFile(ctx: SignedInContext, id: string) {
  const r = await repo.findFile(ctx.db, ctx.scope, readableCategories(ctx), id);
  if (!r) throw notFound('special_person');
  await auditDetailRead(ctx, { ownerType: 'special_person', ownerId: r.id });
  const team = await repo.teamOf(ctx.db, r.id);
  return {
    ...presentListItem(r),
    personId: r.person_id,
    personIdNumber: r.person_id_number,
    personPhone: r.person_phone,
    personSex: r.person_sex,
    personAddress: r.person_address,
    guardianName: r.guardian_name,
    guardianPhone: r.guardian_phone,
    responsibleOrgId: r.responsible_org_id,
    responsibleCadreId: r.responsible_cadre_id,
    effectiveDate: day(r.effective_date),
    reportedAt: iso(r.reported_at),
    releaseDate: day(r.release_date),
    endedAt: iso(r.ended_at),
    endReason: r.end_reason,
    note: r.note,
    team: team.map((m) => ({
      id: m.id,
      role: m.role,
      name: m.name,
      sex: m.sex,
      phone: m.phone,
      userId: m.user_id,
    })),
    warnings: teamWarnings(r.person_sex, r.category as SpecialCategory, team),
    lateReport: r.late_report,
    ...(await workflowPart(ctx, r.id, r.category)),
  };
}

function checkCategoryFields(input: SpecialFileCreate) {
  const c = input.category;
  const subs = SUBCATEGORIES[c] as readonly string[];
  if (input.subcategory && !subs.includes(input.subcategory))
    throw badRequest('subcategory', `one of ${subs.join(', ')}`);
  if (!input.subcategory && ['corrections', 'drug', 'youth'].includes(c))
    throw badRequest('subcategory', `required for ${c}: one of ${subs.join(', ')}`);
  const levels = MANAGEMENT_LEVELS[c] as readonly string[];
  if (!levels.includes(input.managementLevel))
    throw badRequest('managementLevel', `one of ${levels.join(', ')}`);
  if (c === 'corrections' && !input.effectiveDate)
    throw badRequest('effectiveDate', 'the date the judgment took effect is required');
  if (c === 'released' && !input.releaseDate) throw badRequest('releaseDate', 'the release date is required');
  if (c === 'mental' && input.riskLevel === undefined)
    throw badRequest('riskLevel', 'a risk level 0–5 is required');
  if (c !== 'mental' && input.riskLevel !== undefined) throw badRequest('riskLevel', 'only for mental');
  if (input.plannedEnd && input.plannedEnd < input.startDate)
    throw badRequest('plannedEnd', 'must not be before the start date');
}

/** 建档立卡: one file per person and category, its class, its team; the person is the registry's. */
export async function createFile(ctx: SignedInContext, input: SpecialFileCreate) {
  const cls = classPermission(input.category, 'read');
  if (!hasPermission(ctx, cls)) throw forbidden(cls);
  checkCategoryFields(input);
  return inTransaction(ctx, async (tx) => {
    const persons = subjectType('person', 'personId');
    if (!(await persons.visibleIds(tx, [input.personId])).has(input.personId))
      throw badRequest('personId', 'no such person in your part of the tree');
    const person = await repo.personForFile(tx.db, input.personId);
    if (!person) throw badRequest('personId', 'no such person in your part of the tree');
    const org = await repo.orgById(tx.db, input.responsibleOrgId);
    if (!org || !pathIsInScope(tx.scope, org.path))
      throw badRequest('responsibleOrgId', 'no such unit in your part of the tree');
    if (input.responsibleCadreId) {
      const cadre = await repo.userById(tx.db, input.responsibleCadreId);
      if (!cadre || !pathIsInScope(tx.scope, cadre.path))
        throw badRequest('responsibleCadreId', 'no such active user in your part of the tree');
    }
    for (const [i, m] of input.team.entries())
      if (m.userId && !(await repo.userById(tx.db, m.userId)))
        throw badRequest(`team.${i}.userId`, 'no such active user');
    if (await repo.fileOfPerson(tx.db, person.id, input.category))
      throw conflict('this person already has a file of this category');
    const now = tx.clock.now();
    const corrections = input.category === 'corrections';
    // 社区矫正法 §21's 10 days, a district setting.
    const reportDue = corrections
      ? addDays(input.effectiveDate!, (await loadSpecialSettings(tx.db)).reportDays)
      : null;
    const row = await repo.insertFile(tx.db, {
      person_id: person.id,
      category: input.category,
      subcategory: input.subcategory ?? null,
      status: corrections ? 'awaiting_report' : 'enrolled',
      management_level: input.managementLevel,
      risk_level: input.riskLevel ?? null,
      guardian_name: input.guardianName ?? null,
      guardian_phone: input.guardianPhone ?? null,
      responsible_org_id: org.id,
      responsible_cadre_id: input.responsibleCadreId ?? null,
      // The person's residence (grid) when it lies under the responsible unit, so the grid and community see it.
      org_path: person.org_path.startsWith(org.path) ? person.org_path : org.path,
      start_date: input.startDate,
      planned_end: input.plannedEnd ?? null,
      effective_date: input.effectiveDate ?? null,
      report_due: reportDue,
      release_date: input.releaseDate ?? null,
      window_end: input.releaseDate ? addYears(input.releaseDate, RELEASED_WINDOW_YEARS) : null,
      note: input.note ?? null,
      created_by: tx.user.id,
      created_at: now,
      updated_at: now,
    });
    await repo.insertTeam(
      tx.db,
      input.team.map((m) => ({
        special_person_id: row.id,
        role: m.role,
        name: m.name,
        sex: m.sex ?? null,
        phone: m.phone ?? null,
        user_id: m.userId ?? null,
        created_at: now,
      })),
    );
    if (reportDue) await startReportClock(tx.db, row.id, input.effectiveDate!, reportDue, now);
    await repo.markClass(tx.db, {
      id: row.id,
      category: input.category,
      orgPath: row.org_path,
      at: now,
      by: tx.user.id,
    });
    await audit(tx, {
      action: 'special_person.create',
      entityType: 'special_person',
      entityId: row.id,
      orgId: org.id,
      summary: `opened a ${input.category} file`,
    });
    return { id: row.id };
  });
}
