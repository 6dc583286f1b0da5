import { afterAll, beforeAll } from 'vitest';
import { PETITION_ACTIONS } from '@civicgrid/shared/petitions';
import { FakeClock } from '../../core/clock.ts';
import { describeWorkflow } from '../../core/workflow/generated-tests.ts';
import { citizenId, district, org, user, type FactoryOrg } from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { PETITION_WORKFLOW } from './workflow.ts';

const clock = new FakeClock('2026-03-10T02:00:00Z');
let t: TestApp;
let all: Agent;
let dept: FactoryOrg;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const root = await district(t.db.db);
  dept = await org(t.db.db, root, 'department');
  // One actor who may take every action, so the matrix is about statuses, not people.
  const u = await user(t.db.db, root, {
    permissions: [
      'org.read',
      'petition.read',
      'petition.register',
      'petition.handle',
      'petition.approve',
      'petition.review',
      'class.petition.read',
    ],
  });
  all = await t.login(u.username);
});
afterAll(() => t.close());

describeWorkflow(PETITION_WORKFLOW, PETITION_ACTIONS, () => ({
  async recordIn(status) {
    const r = await all.post('/api/petitions', {
      channel: 'visit',
      class: 'appeal',
      category: 'civil',
      summary: '生成测试',
      demands: '生成测试',
      petitioner: { name: '生成', idNumber: citizenId() },
    });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    // The status is put in place directly: the matrix asks what each status allows, not how it was reached.
    const served = new Date(clock.now().getTime() - 86_400_000);
    await t.db.db
      .updateTable('petitions')
      .set({
        status,
        responsible_org_id: status === 'registered' ? null : dept.id,
        responsible_path: status === 'registered' ? null : dept.path,
        accepted_at: clock.now(),
        served_at: served,
        review_served_at: served,
        recheck_requested_at: served,
      })
      .where('id', '=', r.body.id)
      .execute();
    return { id: r.body.id, version: r.body.version };
  },
  act: (id, body) => all.post(`/api/petitions/${id}/actions`, body),
  async statusOf(id) {
    const row = await t.db.db
      .selectFrom('petitions')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.status;
  },
}));
