import { afterAll, beforeAll } from 'vitest';
import { DISPUTE_ACTIONS } from '@civicgrid/shared/mediation';
import { FakeClock } from '../../core/clock.ts';
import { describeWorkflow } from '../../core/workflow/generated-tests.ts';
import * as f from '../../test-support/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { DISPUTE_WORKFLOW } from './workflow.ts';

const clock = new FakeClock('2026-11-25T02:00:00Z');
let t: TestApp;
let director: Agent;
let body: Awaited<ReturnType<typeof f.mediationBody>>;
let mediatorId: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const at = await f.orgSubtree(t.db.db);
  const u = await f.user(t.db.db, at.street, { code: 'mediation_director' });
  body = await f.mediationBody(t.db.db, at.street);
  mediatorId = (await f.mediator(t.db.db, body, u.id)).id;
  director = await t.login(u.username);
});
afterAll(() => t.close());

// The director is a mediator of the body and holds every mediation permission, so each refusal is the table's.
describeWorkflow(DISPUTE_WORKFLOW, DISPUTE_ACTIONS, () => ({
  async recordIn(status) {
    // The status is put in place directly: the matrix asks what each status allows, not how it was reached.
    const d = await f.dispute(t.db.db, body, { status, mediatorIds: [mediatorId] });
    return { id: d.id, version: d.version };
  },
  act: (id, b) => director.post(`/api/mediation/disputes/${id}/actions`, b),
  async statusOf(id) {
    const r = await t.db.db
      .selectFrom('disputes')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return r.status;
  },
}));
