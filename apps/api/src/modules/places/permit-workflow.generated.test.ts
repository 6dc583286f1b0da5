import { afterAll, beforeAll } from 'vitest';
import { describeWorkflow } from '../../core/workflow/generated-tests.ts';
import { FakeClock } from '../../core/clock.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { PERMIT_WORKFLOW } from './permit-workflow.ts';
import { PERMIT_ACTIONS } from './schemas.ts';
import { insertHouse, insertPerson, insertResidence } from './test-fixtures.ts';

const clock = new FakeClock('2026-03-02T02:00:00Z');
let t: TestApp;
let community: Agent;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({ clock });
  community = await t.login('community');
});
afterAll(() => t.close());

describeWorkflow(PERMIT_WORKFLOW, PERMIT_ACTIONS, () => ({
  async recordIn(status) {
    const name = `生成${++n}`;
    const personId = await insertPerson(t.db.db, { name, grid: '梅园社区第1网格' });
    const houseId = await insertHouse(t.db.db, { address: `${name}的住处`, grid: '梅园社区第1网格' });
    await insertResidence(t.db.db, { personId, houseId, fromDate: '2025-01-01' });
    const r = await community.post('/api/permits', { personId });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    // The status is put in place directly: the matrix asks what each status allows, not how it was reached.
    const valid = status === 'issued' || status === 'expired';
    await t.db.db
      .updateTable('residence_permits')
      .set({
        status,
        valid_from: valid ? '2025-03-01' : null,
        valid_to: valid ? (status === 'issued' ? '2026-12-31' : '2026-02-28') : null,
      })
      .where('id', '=', r.body.id)
      .execute();
    return { id: r.body.id, version: r.body.version };
  },
  act: (id, body) => community.post(`/api/permits/${id}/actions`, body),
  async statusOf(id) {
    const row = await t.db.db
      .selectFrom('residence_permits')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.status;
  },
}));
