import { afterAll, beforeAll } from 'vitest';
import { CORRECTIONS_ACTIONS } from '@civicgrid/shared/special-populations';
import { FakeClock } from '../../core/clock.ts';
import { describeWorkflow } from '../../core/workflow/generated-tests.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { CORRECTIONS_WORKFLOW } from './workflow.ts';

const clock = new FakeClock('2026-11-25T02:00:00Z');
let t: TestApp;
let officer: Agent;
let at: f.Subtree;

beforeAll(async () => {
  t = await createTestApp({ clock });
  at = await f.orgSubtree(t.db.db);
  officer = await t.login((await f.user(t.db.db, at.street, { code: 'corrections_officer' })).username);
});
afterAll(() => t.close());

// The officer holds the corrections class and special.manage, so each refusal is the table's.
describeWorkflow(CORRECTIONS_WORKFLOW, CORRECTIONS_ACTIONS, () => ({
  async recordIn(status) {
    const file = await f.specialFile(t.db.db, at);
    // A team that passes its checks, so announce is refused only by the table.
    await t.db.db
      .insertInto('special_team_members')
      .values({ special_person_id: file.id, role: 'cadre', name: '责任干部', sex: 'female' })
      .execute();
    await t.db.db.updateTable('special_persons').set({ status }).where('id', '=', file.id).execute();
    return { id: file.id, version: 1 };
  },
  act: (id, b) => officer.post(`/api/special-populations/files/${id}/actions`, b),
  async statusOf(id) {
    const r = await t.db.db
      .selectFrom('special_persons')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return r.status;
  },
}));
