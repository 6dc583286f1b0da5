import { afterAll, beforeAll } from 'vitest';
import { describeWorkflow } from '../../core/workflow/generated-tests.ts';
import { act, AT, categoryByCode } from '../../test-support/case-helpers.ts';
import { district, org, user } from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { ASSIGNMENT_ACTIONS, ASSIGNMENT_WORKFLOW } from './assignments/assignment-workflow.ts';

let t: TestApp;
let center: Agent, co: Agent;
let categoryId: string, lead: string, coOrg: string;
const caseOf = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  center = await t.login('center');
  const cat = await categoryByCode(center, 'SJ0103');
  categoryId = cat.id;
  lead = cat.defaultDepartmentId!;
  const dept = await org(t.db.db, await district(t.db.db), 'department', '生成测试协办局');
  coOrg = dept.id;
  co = await t.login((await user(t.db.db, dept, { code: 'department_handler' })).username);
});
afterAll(() => t.close());

describeWorkflow(ASSIGNMENT_WORKFLOW, ASSIGNMENT_ACTIONS, () => ({
  async recordIn(status) {
    const r = await center.post('/api/cases', {
      channel: 'hotline',
      title: `协办生成测试：${status}`,
      categoryId,
      location: AT.meiyuan1,
    });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    await act(center, r.body.id, { action: 'register' });
    const d = await act(center, r.body.id, {
      action: 'dispatch',
      departmentId: lead,
      coDepartmentIds: [coOrg],
    });
    const a = d.body.assignments.find((x: { role: string }) => x.role === 'co');
    // The status is put in place directly: the matrix asks what each status allows, not how it was reached.
    await t.db.db.updateTable('case_assignments').set({ status }).where('id', '=', a.id).execute();
    caseOf.set(a.id, r.body.id);
    return { id: a.id, version: a.version };
  },
  act: (id, body) =>
    co.post(`/api/cases/${caseOf.get(id)}/assignments/${id}/actions`, {
      reason: '生成测试',
      result: '完成',
      ...body,
    }),
  async statusOf(id) {
    const row = await t.db.db
      .selectFrom('case_assignments')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.status;
  },
}));
