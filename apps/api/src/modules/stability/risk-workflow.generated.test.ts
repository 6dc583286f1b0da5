import { afterAll, beforeAll } from 'vitest';
import { RISK_ACTIONS } from '@civicgrid/shared/stability';
import { FakeClock } from '../../core/clock.ts';
import { describeWorkflow } from '../../core/workflow/generated-tests.ts';
import { district, org, user, type FactoryOrg } from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { RISK_WORKFLOW } from './workflow.ts';

const clock = new FakeClock('2026-03-10T02:00:00Z');
let t: TestApp;
let all: Agent;
let root: FactoryOrg;
let unit: FactoryOrg;

beforeAll(async () => {
  t = await createTestApp({ clock });
  root = await district(t.db.db);
  unit = await org(t.db.db, root, 'department');
  // One actor who may take every action, so the matrix is about statuses, not people.
  const u = await user(t.db.db, root, {
    permissions: ['org.read', 'risk.read', 'risk.report', 'risk.manage'],
  });
  all = await t.login(u.username);
});
afterAll(() => t.close());

describeWorkflow(RISK_WORKFLOW, RISK_ACTIONS, () => ({
  async recordIn(status) {
    const r = await all.post('/api/stability/risks', {
      title: '生成测试',
      type: '其他',
      source: 'screening',
      level: 'yellow',
      orgId: root.id,
    });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    // The status is put in place directly: the matrix asks what each status allows, not how it was reached.
    await t.db.db
      .updateTable('risk_factors')
      .set({
        status,
        unit_id: status === 'registered' ? null : unit.id,
        unit_path: status === 'registered' ? null : unit.path,
        escalated_to_id: status === 'escalated' ? root.id : null,
        escalated_from: status === 'escalated' ? 'controlling' : null,
      })
      .where('id', '=', r.body.id)
      .execute();
    return { id: r.body.id, version: r.body.version };
  },
  act: (id, body) => all.post(`/api/stability/risks/${id}/actions`, body),
  async statusOf(id) {
    const row = await t.db.db
      .selectFrom('risk_factors')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.status;
  },
}));
