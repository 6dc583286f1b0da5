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
    type Reason = { path: string; code: string; params?: Record<string, number>; message: string };
    // Each bad row's one reason: as the API states it (code, params, English message) and as the workbook
    // says it in Chinese (the default) and in English.
    const expected = new Map<number, { reason: Reason; zh: string; en: string }>();
    const bad = (rowNo: number, reason: Reason, zh: string, en: string) =>
      expected.set(rowNo, { reason, zh, en });
    for (let i = 0; i < 10_000; i++) {
      const rowNo = i + 2;
      let name = `导入测试${i}`;
      let id = validId('310120', i);
      let phone = '13800000000';
      if (i % 20 === 7) {
        const kind = Math.floor(i / 20) % 6;
        if (kind === 0) {
          id = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
          bad(
            rowNo,
            { path: 'idNumber', code: 'id_check_digit', message: 'the check digit does not match' },
            '证件号码：校验位错误',
            'ID number: the check digit does not match',
          );
        } else if (kind === 1) {
          id = withCheckDigit(`310120${'19900231'}001`);
          bad(
            rowNo,
            { path: 'idNumber', code: 'id_birth_date_invalid', message: 'the birth date is not a real date' },
            '证件号码：出生日期不存在',
            'ID number: the birth date is not a real date',
          );
        } else if (kind === 2) {
          name = '';
          bad(rowNo, { path: 'name', code: 'required', message: 'required' }, '姓名：必填', 'Name: required');
        } else if (kind === 3) {
          phone = '2345';
          const message = 'a mainland mobile (11 digits) or landline (area code and number)';
          bad(
            rowNo,
            { path: 'phone', code: 'phone_shape', message },
            '联系电话：应为 11 位手机号或带区号的固定电话',
            `Phone: ${message}`,
          );
        } else if (kind === 4) {
          id = validId('310120', i - 1);
          bad(
            rowNo,
            {
              path: 'idNumber',
              code: 'duplicate_in_file',
              params: { row: rowNo - 1 },
              message: `same ID number as row ${rowNo - 1}`,
            },
            `证件号码：与第 ${rowNo - 1} 行的证件号码相同`,
            `ID number: same ID number as row ${rowNo - 1}`,
          );
        } else {
          id = existing[reused++]!.id_number;
          bad(
            rowNo,
            { path: 'idNumber', code: 'already_registered', message: 'already registered' },
            '证件号码：该证件号码已登记',
            'ID number: already registered',
          );
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
    // The report carries each reason as a code with its parameters beside the English sentence.
    for (const row of job.badSample as { rowNo: number; errors: Reason[]; reason: string }[]) {
      const { reason } = expected.get(row.rowNo)!;
      expect(row.errors).toEqual([reason]);
      expect(row.reason).toBe(`${reason.path}: ${reason.message}`);
    }

    const reasonsOf = async (query: string) => {
      const r = await community.get(`/api/imports/${up.body.id}/errors?format=csv${query}`);
      expect(r.status).toBe(200);
      const [head, ...rows] = await csvRecords(r.text);
      const reasonAt = head!.indexOf('错误原因 errors');
      const rowAt = head!.indexOf('行号 row');
      expect(rows).toHaveLength(500);
      return new Map(rows.map((x) => [Number(x[rowAt]), x[reasonAt]]));
    };
    const zh = new Map([...expected].map(([row, e]) => [row, e.zh]));
    expect(await reasonsOf('')).toEqual(zh);
    expect(await reasonsOf('&lang=zh')).toEqual(zh);
    expect(await reasonsOf('&lang=en')).toEqual(new Map([...expected].map(([row, e]) => [row, e.en])));
    const badLang = await community.get(`/api/imports/${up.body.id}/errors?lang=fr`);
    expect(badLang.status).toBe(400);
    expect(badLang.body.error.fields[0].path).toContain('lang');

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
    const found = await community.get(`/api/persons?q=${validId('310120', 0)}`);
    expect(found.body.items.some((p: { name: string }) => p.name === '导入测试0')).toBe(true);
    const tagged = await t.db.db
      .selectFrom('persons')
      .select('tags')
      .where('name', '=', '导入测试50')
      .executeTakeFirstOrThrow();
    expect(tagged.tags.sort()).toEqual(['party_member', 'volunteer']);
    expect((await community.post(`/api/imports/${up.body.id}/commit`)).status).toBe(409);
  }, 180_000);

  it('names every reason a row can fail with a stable code, in Chinese in the workbook', async () => {
    const head = '姓名,证件类型,证件号码,人口类型,联系电话,性别,出生日期,民族,标签,网格编码';
    const ok = (i: number) => validId('310232', i);
    const taken = (
      await t.db.db
        .selectFrom('persons')
        .select('id_number')
        .where('id_type', '=', 'citizen_id')
        .executeTakeFirstOrThrow()
    ).id_number;
    const future = withCheckDigit('31023229990101001');
    // [cells, path, code, params, the workbook's Chinese reason]
    const cases: [string, string, string, Record<string, string | number> | undefined, string][] = [
      [`,,${ok(1)},户籍`, 'name', 'required', undefined, '姓名：必填'],
      [`${'长'.repeat(51)},,${ok(2)},户籍`, 'name', 'too_long', { max: 50 }, '姓名：不能超过 50 个字符'],
      [`甲,,${ok(3)},`, 'residenceType', 'required', undefined, '人口类型：必填'],
      [
        `乙,,${ok(4)},常住`,
        'residenceType',
        'unknown_residence_type',
        { value: '常住' },
        '人口类型：应为 户籍、流动 或 境外（填写的是“常住”）',
      ],
      [
        `丙,军官证,${ok(5)},户籍`,
        'idType',
        'unknown_id_type',
        { value: '军官证' },
        '证件类型：应为 身份证、护照 或 其他（填写的是“军官证”）',
      ],
      [
        `丁,护照,G1234567,户籍`,
        'idType',
        'citizen_id_required',
        undefined,
        '证件类型：户籍人口和流动人口须以居民身份证登记',
      ],
      [
        `戊,身份证,${ok(6)},境外`,
        'idType',
        'travel_document_required',
        undefined,
        '证件类型：境外人员须以护照或其他旅行证件登记',
      ],
      [`己,,,户籍`, 'idNumber', 'required', undefined, '证件号码：必填'],
      [
        `庚,,${ok(7).slice(0, 17)},户籍`,
        'idNumber',
        'id_length',
        { length: 17 },
        '证件号码：身份证号码应为 18 位（填写了 17 位）',
      ],
      [
        `辛,,${ok(8).slice(0, 17)}Y,户籍`,
        'idNumber',
        'id_chars',
        undefined,
        '证件号码：应为 17 位数字加 1 位数字或 X',
      ],
      [
        `壬,,${withCheckDigit('01023219800101001')},户籍`,
        'idNumber',
        'id_region',
        undefined,
        '证件号码：地区码无效',
      ],
      [
        `癸,,${withCheckDigit('31023219800231001')},户籍`,
        'idNumber',
        'id_birth_date_invalid',
        undefined,
        '证件号码：出生日期不存在',
      ],
      [`子,,${future},户籍`, 'idNumber', 'id_birth_date_future', undefined, '证件号码：出生日期晚于今天'],
      [
        `丑,,${ok(9).slice(0, 17)}${ok(9).endsWith('1') ? '2' : '1'},户籍`,
        'idNumber',
        'id_check_digit',
        undefined,
        '证件号码：校验位错误',
      ],
      [`寅,护照,AB,境外`, 'idNumber', 'passport_shape', undefined, '证件号码：应为 5 到 20 位字母或数字'],
      [`卯,护照,G23456789,境外,,未知`, 'sex', 'sex_unknown', undefined, '性别：应为 男 或 女'],
      [
        `辰,护照,G34567890,境外,,女,1990-02-30`,
        'birthDate',
        'birth_date_invalid',
        undefined,
        '出生日期：应为今天以前的真实日期（YYYY-MM-DD）',
      ],
      [
        `巳,,${ok(10)},户籍,12345`,
        'phone',
        'phone_shape',
        undefined,
        '联系电话：应为 11 位手机号或带区号的固定电话',
      ],
      [
        `午,,${ok(11)},户籍,,,,${'族'.repeat(21)}`,
        'ethnicity',
        'too_long',
        { max: 20 },
        '民族：不能超过 20 个字符',
      ],
      [
        `未,,${ok(12)},户籍,,,,,不存在的标签`,
        'tags',
        'unknown_tag',
        { tag: '不存在的标签' },
        '标签：标签库中没有“不存在的标签”',
      ],
      [
        `申,,${ok(13)},户籍,,,,,,XX9999`,
        'gridCode',
        'unknown_grid',
        { code: 'XX9999' },
        '网格编码：您的辖区内没有网格 XX9999',
      ],
      [`酉,,${ok(14)},户籍`, '', '', undefined, ''],
      [
        `戌,,${ok(14)},户籍`,
        'idNumber',
        'duplicate_in_file',
        { row: 23 },
        '证件号码：与第 23 行的证件号码相同',
      ],
      [`亥,,${taken},户籍`, 'idNumber', 'already_registered', undefined, '证件号码：该证件号码已登记'],
    ];
    const up = await upload(
      community,
      'reasons.csv',
      Buffer.from([head, ...cases.map((c) => c[0])].join('\n') + '\n'),
    );
    expect(up.status, up.text).toBe(202);
    const job = await waitFor(up.body.id, ['validated', 'failed']);
    expect(job).toMatchObject({ status: 'validated', totalRows: cases.length, okRows: 1 });
    const byRow = new Map(
      (job.badSample as { rowNo: number; errors: { path: string; code: string; params?: object }[] }[]).map(
        (r) => [r.rowNo, r.errors],
      ),
    );
    const errors = await community.get(`/api/imports/${up.body.id}/errors?format=csv`);
    const [header, ...rows] = await csvRecords(errors.text);
    const zh = new Map(
      rows.map((r) => [Number(r[header!.indexOf('行号 row')]), r[header!.indexOf('错误原因 errors')]]),
    );
    cases.forEach(([, path, code, params, text], i) => {
      const rowNo = i + 2;
      if (!code) return expect(byRow.has(rowNo)).toBe(false);
      expect(byRow.get(rowNo), `row ${rowNo}`).toEqual([
        expect.objectContaining({ path, code, message: expect.any(String), ...(params ? { params } : {}) }),
      ]);
      expect(zh.get(rowNo), `row ${rowNo}`).toBe(text);
    });

    // A person registered by someone else between the check and the commit turns that row bad, with its code.
    const late = ok(15);
    const small = await upload(community, 'late.csv', Buffer.from(`${head}\n迟到,,${late},户籍\n`));
    await waitFor(small.body.id, ['validated']);
    const form = await community.post('/api/persons', {
      name: '抢先登记',
      idNumber: late,
      residenceType: 'registered',
    });
    expect(form.status, JSON.stringify(form.body)).toBe(201);
    expect((await community.post(`/api/imports/${small.body.id}/commit`)).status).toBe(202);
    const done = await waitFor(small.body.id, ['done', 'failed']);
    expect(done).toMatchObject({ status: 'done', committedRows: 0, badRows: 1 });
    expect(done.badSample[0].errors).toEqual([
      {
        path: 'idNumber',
        code: 'registered_during_import',
        message: 'registered by someone else during the import',
      },
    ]);
    const lateZh = await community.get(`/api/imports/${small.body.id}/errors?format=csv`);
    expect(lateZh.text).toContain('证件号码：导入期间已被他人登记');
  });

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
    // The job's place is the last row of the second batch: the resumed commit starts right after it.
    const staged = await t.db.db
      .selectFrom('import_rows')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('job_id', '=', up.body.id)
      .where('errors', 'is', null)
      .where(
        'row_no',
        '<=',
        t.db.db.selectFrom('import_jobs').select('committed_through').where('id', '=', up.body.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(staged.n)).toBe(2_000);
    expect((await community.get(`/api/imports/${up.body.id}`)).body.committedRows).toBe(2_000);

    // The job says "committing" as a runner left it 10 s ago: within its lease (120 s by default) a commit
    // request takes nothing over, and says when one will be able to.
    const heldAt = new Date(Date.now() - 10_000);
    await t.db.db
      .updateTable('import_jobs')
      .set({ status: 'committing', updated_at: heldAt })
      .where('id', '=', up.body.id)
      .execute();
    const early = await community.post(`/api/imports/${up.body.id}/commit`);
    expect(early.status).toBe(202);
    expect(Date.parse(early.body.resumesAt)).toBe(heldAt.getTime() + 120_000);
    expect((await community.get(`/api/imports/${up.body.id}`)).body.committedRows).toBe(2_000);

    // Once its lease has lapsed, as a dead runner's does, commit resumes it.
    await t.db.db
      .updateTable('import_jobs')
      .set({ status: 'committing', updated_at: new Date(Date.now() - 3_600_000) })
      .where('id', '=', up.body.id)
      .execute();
    const resumed = await community.post(`/api/imports/${up.body.id}/commit`);
    expect(resumed.status).toBe(202);
    expect(resumed.body.resumesAt).toBeNull();
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
