import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../test-support/case-helpers.ts';
import { createTestApp, type Agent, type TestApp } from '../../test-support/test-app.ts';
import { readCsv } from './csv-reader.ts';
import { withCheckDigit } from './demo-names.ts';
import { commitJob, importsRunning } from './import-service.ts';

let t: TestApp;
let community: Agent;

beforeAll(async () => {
  t = await createTestApp();
  community = await t.login('community');
});
afterAll(async () => {
  await importsRunning();
  await t.close();
});

const HEADER = '姓名,证件号码,人口类型,联系电话,标签,网格编码';
const day = (base: string, plus: number) => {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plus);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
};
/** Distinct valid IDs from a region the demo district does not use, one birth day each. */
const validId = (region: string, i: number) => withCheckDigit(`${region}${day('1950-01-01', i)}001`);

async function upload(a: Agent, filename: string, bytes: Buffer) {
  const m = multipart('file', filename, bytes);
  return t.request({
    method: 'POST',
    url: '/api/imports/persons',
    headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, 'content-type': m.contentType },
    payload: m.body,
  });
}

async function waitFor(id: string, statuses: string[], seen?: number[]) {
  for (let i = 0; i < 1200; i++) {
    const r = await community.get(`/api/imports/${id}`);
    seen?.push(r.body.committedRows);
    if (statuses.includes(r.body.status)) return r.body;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`import ${id} never reached ${statuses.join('/')}`);
}

async function csvRecords(text: string) {
  const out: string[][] = [];
  for await (const r of readCsv(
    (async function* () {
      yield text;
    })(),
  ))
    out.push(r);
  return out;
}

describe('bulk import of persons', () => {
  it('serves a template with the headers and an example row', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/imports/templates/persons.xlsx',
      headers: { cookie: community.cookie },
    });
    expect(r.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '证件号码', '人口类型']));
    expect(sheet.rowCount).toBe(2);
  });

  it('imports 10,000 rows of which exactly 500 are bad, naming each reason, and commits the rest', async () => {
    const existing = await t.db.db
      .selectFrom('persons')
      .select('id_number')
      .where('id_type', '=', 'citizen_id')
      .limit(100)
      .execute();
    let reused = 0;
    const lines = [HEADER];
    const expected = new Map<number, string>();
    for (let i = 0; i < 10_000; i++) {
      const rowNo = i + 2;
      let name = `导入测试${i}`;
      let id = validId('310120', i);
      let phone = '13800000000';
      if (i % 20 === 7) {
        const kind = Math.floor(i / 20) % 6;
        if (kind === 0) {
          id = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
          expected.set(rowNo, 'idNumber: the check digit does not match');
        } else if (kind === 1) {
          id = withCheckDigit(`310120${'19900231'}001`);
          expected.set(rowNo, 'idNumber: the birth date is not a real date');
        } else if (kind === 2) {
          name = '';
          expected.set(rowNo, 'name: required');
        } else if (kind === 3) {
          phone = '2345';
          expected.set(rowNo, 'phone: a mainland mobile (11 digits) or landline (area code and number)');
        } else if (kind === 4) {
          id = validId('310120', i - 1);
          expected.set(rowNo, `idNumber: same ID number as row ${rowNo - 1}`);
        } else {
          id = existing[reused++]!.id_number;
          expected.set(rowNo, 'idNumber: already registered');
        }
      }
      lines.push(
        `${name},${id},${i % 3 ? '户籍' : '流动'},${phone},${i % 50 === 0 ? '党员；志愿者' : ''},SF010101`,
      );
    }
    expect(expected.size).toBe(500);
    const up = await upload(community, 'people.csv', Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n'));
    expect(up.status, up.text).toBe(202);
    const job = await waitFor(up.body.id, ['validated', 'failed']);
    expect(job).toMatchObject({ status: 'validated', totalRows: 10_000, okRows: 9_500, badRows: 500 });
    expect(job.badSample).toHaveLength(200);
    expect(job.badSample[0].idNumber).not.toMatch(/^\d{18}$/);

    const errors = await community.get(`/api/imports/${up.body.id}/errors?format=csv`);
    const [head, ...rows] = await csvRecords(errors.text);
    const reasonAt = head!.indexOf('错误原因 errors');
    const rowAt = head!.indexOf('行号 row');
    expect(rows).toHaveLength(500);
    expect(new Map(rows.map((r) => [Number(r[rowAt]), r[reasonAt]]))).toEqual(expected);

    const before = Number(
      (
        await t.db.db
          .selectFrom('persons')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const seen: number[] = [];
    expect((await community.post(`/api/imports/${up.body.id}/commit`)).status).toBe(202);
    const done = await waitFor(up.body.id, ['done', 'failed'], seen);
    expect(done).toMatchObject({ status: 'done', committedRows: 9_500 });
    // Progress showed while it ran: the API answered between batches.
    expect(seen.some((n) => n > 0 && n < 9_500)).toBe(true);
    const after = Number(
      (
        await t.db.db
          .selectFrom('persons')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after - before).toBe(9_500);
    const found = await community.get(`/api/persons?q=${validId('310120', 0).slice(-12)}`);
    expect(found.body.items.some((p: { name: string }) => p.name === '导入测试0')).toBe(true);
    const tagged = await t.db.db
      .selectFrom('persons')
      .select('tags')
      .where('name', '=', '导入测试50')
      .executeTakeFirstOrThrow();
    expect(tagged.tags.sort()).toEqual(['party_member', 'volunteer']);
    expect((await community.post(`/api/imports/${up.body.id}/commit`)).status).toBe(409);
  }, 180_000);

  it('a commit that dies midway leaves whole batches only, and a second commit finishes it', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 3_500; i++) lines.push(`断点测试${i},${validId('310151', i)},户籍,,,`);
    const up = await upload(community, 'crash.csv', Buffer.from(lines.join('\n')));
    await waitFor(up.body.id, ['validated']);
    const countMine = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('persons')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('name', 'like', '断点测试%')
            .executeTakeFirstOrThrow()
        ).n,
      );
    // The process "dies" inside the third batch, after its inserts and before its transaction commits.
    await expect(
      commitJob(t.db.db, up.body.id, {
        batchSize: 1_000,
        onBatch: (k) => {
          if (k === 2) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    expect(await countMine()).toBe(2_000);
    const staged = await t.db.db
      .selectFrom('import_rows')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('job_id', '=', up.body.id)
      .where('committed', '=', true)
      .executeTakeFirstOrThrow();
    expect(Number(staged.n)).toBe(2_000);
    expect((await community.get(`/api/imports/${up.body.id}`)).body.committedRows).toBe(2_000);

    // The job still says "committing" as a dead runner left it; once its lease has lapsed, commit resumes it.
    await t.db.db
      .updateTable('import_jobs')
      .set({ status: 'committing', updated_at: new Date(Date.now() - 3_600_000) })
      .where('id', '=', up.body.id)
      .execute();
    expect((await community.post(`/api/imports/${up.body.id}/commit`)).status).toBe(202);
    const done = await waitFor(up.body.id, ['done', 'failed']);
    expect(done).toMatchObject({ status: 'done', committedRows: 3_500 });
    expect(await countMine()).toBe(3_500);
  }, 120_000);

  it('reads xlsx uploads and reports a missing header column', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('persons');
    sheet.addRow(['姓名', '证件号码', '人口类型', '性别', '出生日期']);
    sheet.addRow(['表格导入', validId('310230', 1), '户籍']);
    sheet.addRow(['境外导入', 'G12345678', '境外', '女', '1988-03-04']);
    const up = await upload(community, 'people.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(up.status).toBe(202);
    const job = await waitFor(up.body.id, ['validated', 'failed']);
    expect(job).toMatchObject({ status: 'validated', totalRows: 2, okRows: 2, badRows: 0 });

    const bad = await upload(community, 'nohead.csv', Buffer.from('名字,电话\n张三,13800000000\n'));
    const failed = await waitFor(bad.body.id, ['validated', 'failed']);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('证件号码');
    expect((await upload(community, 'x.pdf', Buffer.from('%PDF'))).status).toBe(400);
  });

  it('keeps one community’s import jobs from another’s staff', async () => {
    const up = await upload(
      community,
      'small.csv',
      Buffer.from(`${HEADER}\n小样,${validId('310230', 9)},户籍,,,\n`),
    );
    await waitFor(up.body.id, ['validated']);
    const admin = await t.login('admin');
    expect((await admin.get(`/api/imports/${up.body.id}`)).status).toBe(200);
    const street = await t.login('street');
    const other = await t.db.db
      .selectFrom('users as u')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .select('o.path')
      .where('u.username', '=', 'street')
      .executeTakeFirstOrThrow();
    expect(other.path).toBeTruthy();
    // The street sees its communities' jobs; a grid worker below the community does not.
    expect((await street.get(`/api/imports/${up.body.id}`)).status).toBe(200);
    const grid = await t.login('grid');
    expect((await grid.get(`/api/imports/${up.body.id}`)).status).toBe(404);
  });
});
