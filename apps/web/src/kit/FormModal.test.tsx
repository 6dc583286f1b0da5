import { describe, expect, it, vi } from 'vitest';
import { Form, Input } from 'antd';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../lib/api';
import { renderWithApp } from '../test-support/render';
import { FormModal } from './FormModal';

function dialog(onSubmit: (v: { name: string }) => Promise<unknown>, onReload = vi.fn(), onClose = vi.fn()) {
  renderWithApp(
    <FormModal<{ name: string }>
      title="Rename"
      fields={['name']}
      initialValues={{ name: '梅园' }}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={onReload}
      testId="rename"
    >
      <Form.Item name="name" label="Name" rules={[{ required: true, message: 'name needed' }]}>
        <Input data-testid="rename-name" />
      </Form.Item>
    </FormModal>,
  );
  return { onReload, onClose };
}

describe('FormModal', () => {
  it('offers a reload when someone else saved first (409 STALE_VERSION) and keeps the dialog open', async () => {
    const onSubmit = vi.fn(() => Promise.reject(new ApiError(409, 'STALE_VERSION', 'stale')));
    const { onReload, onClose } = dialog(onSubmit);
    fireEvent.click(screen.getByTestId('rename-ok'));
    const reload = await screen.findByTestId('stale-reload');
    expect(onSubmit).toHaveBeenCalledWith({ name: '梅园' });
    expect(screen.getByTestId('rename-error').textContent).toContain('已被他人修改');
    expect((screen.getByTestId('rename-ok') as HTMLButtonElement).disabled).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(reload);
    expect(onReload).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId('stale-reload')).toBeNull());
  });

  it('puts an API field error under its field and closes after a save that succeeds', async () => {
    const onSubmit = vi
      .fn<(v: { name: string }) => Promise<unknown>>()
      .mockRejectedValueOnce(
        new ApiError(400, 'VALIDATION', 'bad', [{ path: 'body.name', message: '名称已被使用' }]),
      )
      .mockResolvedValueOnce({});
    const { onClose } = dialog(onSubmit);
    fireEvent.click(screen.getByTestId('rename-ok'));
    await screen.findByText('名称已被使用');
    // Explained under the field: no banner repeats it.
    expect(screen.queryByTestId('rename-error')).toBeNull();
    fireEvent.click(screen.getByTestId('rename-ok'));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });

  it('does not send a form that misses a required field', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    dialog(onSubmit);
    fireEvent.change(screen.getByTestId('rename-name'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('rename-ok'));
    await screen.findByText('name needed');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
