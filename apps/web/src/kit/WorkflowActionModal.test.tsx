import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { z } from 'zod';
import { CASE_ACTION_INPUTS } from '@civicgrid/shared/case-actions';
import { ApiError } from '../lib/api';
import { renderWithApp } from '../test-support/render';
import { fieldsOf } from './schema-fields';
import { WorkflowActionModal } from './WorkflowActionModal';

const schema = z.object({
  reason: z.string().trim().min(1).max(1000),
  passed: z.boolean(),
  code: z.string().max(20).optional(),
  level: z.enum(['low', 'high']).optional(),
});
const LABELS: Record<string, string> = { reason: '原因', passed: '是否通过', code: '编号', level: '等级' };

function open(send: (body: Record<string, unknown>) => Promise<unknown>, onReload = vi.fn()) {
  const onDone = vi.fn();
  renderWithApp(
    <WorkflowActionModal
      title="核查"
      actionLabel="核查"
      schema={schema}
      version={7}
      label={(k) => LABELS[k]!}
      send={send}
      onDone={onDone}
      onReload={onReload}
      onClose={() => undefined}
    />,
  );
  return { onDone, onReload };
}

describe('fieldsOf', () => {
  it('reads widgets and required keys from a schema', () => {
    expect(fieldsOf(schema)).toEqual([
      { key: 'reason', kind: 'textarea', required: true, max: 1000 },
      { key: 'passed', kind: 'boolean', required: true },
      { key: 'code', kind: 'text', required: false, max: 20 },
      { key: 'level', kind: 'enum', required: false, options: ['low', 'high'] },
    ]);
  });

  it('serves every case action input (packages/shared/case-actions)', () => {
    for (const s of Object.values(CASE_ACTION_INPUTS)) expect(() => fieldsOf(s)).not.toThrow();
    expect(fieldsOf(CASE_ACTION_INPUTS.dispatch).map((f) => [f.key, f.kind, f.required])).toEqual([
      ['departmentId', 'org', true],
      ['coDepartmentIds', 'orgs', false],
      ['deadline', 'datetime', false],
      ['note', 'textarea', false],
    ]);
    expect(fieldsOf(CASE_ACTION_INPUTS.feedback).map((f) => f.kind)).toEqual(['textarea', 'attachments']);
  });

  it('refuses a type it has no widget for', () => {
    expect(() => fieldsOf(z.object({ tags: z.array(z.number()) }))).toThrow(/tags/);
    expect(() => fieldsOf(z.object({ items: z.array(z.object({ a: z.string() })) }))).toThrow(/items/);
  });
  it('gives a whole number its bounds', () => {
    expect(fieldsOf(z.object({ days: z.number().int().min(1).max(30) }))).toEqual([
      { key: 'days', required: true, kind: 'number', min: 1, max: 30, integer: true },
    ]);
  });

  it('reads numbers and calendar days as their own fields', () => {
    expect(fieldsOf(z.object({ amount: z.number(), on: z.iso.date().optional() }))).toEqual([
      { key: 'amount', kind: 'number', required: true },
      { key: 'on', kind: 'date', required: false },
    ]);
  });
});

describe('WorkflowActionModal', () => {
  it('renders the fields of the schema and refuses to send without the required ones', async () => {
    const send = vi.fn(() => Promise.resolve({ ok: true }));
    const { onDone } = open(send);
    for (const label of Object.values(LABELS)) expect(screen.getByText(label)).toBeTruthy();
    fireEvent.click(screen.getByTestId('action-submit'));
    await screen.findByText('请填写原因');
    expect(screen.getByText('请填写是否通过')).toBeTruthy();
    expect(screen.queryByText('请填写编号')).toBeNull();
    expect(send).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('action-reason'), { target: { value: '  现场已清理  ' } });
    fireEvent.click(within(screen.getByTestId('action-passed')).getByText('是'));
    fireEvent.click(screen.getByTestId('action-submit'));
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith({ reason: '现场已清理', passed: true, version: 7 }),
    );
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ ok: true }));
  });

  it('offers a reload when the record changed under the user (409 STALE_VERSION)', async () => {
    const send = vi.fn(() => Promise.reject(new ApiError(409, 'STALE_VERSION', 'stale')));
    const { onReload } = open(send);
    fireEvent.change(screen.getByTestId('action-reason'), { target: { value: '理由' } });
    fireEvent.click(within(screen.getByTestId('action-passed')).getByText('否'));
    fireEvent.click(screen.getByTestId('action-submit'));
    fireEvent.click(await screen.findByTestId('stale-reload'));
    expect(onReload).toHaveBeenCalledTimes(1);
    expect((screen.getByTestId('action-submit') as HTMLButtonElement).disabled).toBe(true);
  });
});
