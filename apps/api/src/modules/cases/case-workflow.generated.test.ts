import { afterAll, beforeAll } from 'vitest';
import { describeWorkflow } from '../../core/workflow/generated-tests.ts';
import { AT, categoryByCode } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { CASE_ACTIONS, CASE_WORKFLOW } from './workflow.ts';

let t: TestApp;
let center: Agent;
let categoryId: string;

beforeAll(async () => {
  t = await createTestApp();
  center = await t.login('center');
  categoryId = (await categoryByCode(center, 'SJ0103')).id;
});
afterAll(() => t.close());

describeWorkflow(CASE_WORKFLOW, CASE_ACTIONS, () => ({
  async recordIn(status) {
    const r = await center.post('/api/cases', {
      channel: 'hotline',
      title: `生成测试：${status}`,
      categoryId,
      location: AT.meiyuan1,
    });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    // The status is put in place directly: the matrix asks what each status allows, not how it was reached.
    await t.db.db
      .updateTable('cases')
      .set({
        status,
        suspended_from: status === 'suspended' ? 'reported' : null,
        evaluation: null,
        extension_request: null,
      })
      .where('id', '=', r.body.id)
      .execute();
    return { id: r.body.id, version: r.body.version };
  },
  act: (id, body) => center.post(`/api/cases/${id}/actions`, body),
  async statusOf(id) {
    const row = await t.db.db
      .selectFrom('cases')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.status;
  },
}));
