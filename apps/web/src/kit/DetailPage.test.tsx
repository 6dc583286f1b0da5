import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithApp } from '../test-support/render';
import { DetailPage } from './DetailPage';

interface Rec {
  id: string;
  name: string;
  allowedActions: string[];
}
const ORDER = ['accept', 'handle', 'close', 'reject'] as const;

function page(data: Rec | undefined, onAction = vi.fn(), error: unknown = null) {
  renderWithApp(
    <DetailPage<Rec, (typeof ORDER)[number]>
      query={{ isPending: false, isError: !!error, error, data, refetch: () => undefined }}
      backTo="/records"
      testId="record-page"
      header={(r) => <h4>{r.name}</h4>}
      actions={(r) => ({
        allowed: r.allowedActions as (typeof ORDER)[number][],
        order: ORDER,
        label: (a) => `do ${a}`,
        primary: ['accept'],
        onAction,
        testId: 'record-actions',
      })}
      tabs={() => [
        { key: 'a', title: 'Tab A', content: 'content A' },
        { key: 'b', title: 'Tab B', content: 'content B' },
      ]}
      timeline={() => ({ title: 'History', content: 'nothing yet' })}
    />,
  );
  return onAction;
}

describe('DetailPage', () => {
  it("shows exactly the server's allowed actions, in the page's order", () => {
    const onAction = page({ id: 'r1', name: '记录一', allowedActions: ['reject', 'accept', 'unknown'] });
    const buttons = screen.getByTestId('record-actions').querySelectorAll('button');
    expect(Array.from(buttons, (b) => b.textContent)).toEqual(['do accept', 'do reject']);
    fireEvent.click(screen.getByTestId('action-reject'));
    expect(onAction).toHaveBeenCalledWith('reject');
    expect(screen.getByText('Tab A')).toBeTruthy();
    expect(screen.getByText('History')).toBeTruthy();
  });

  it('says so when nothing is allowed', () => {
    page({ id: 'r1', name: '记录一', allowedActions: [] });
    expect(screen.getByText('当前没有可执行的操作')).toBeTruthy();
  });

  it('shows the load error instead of the record', () => {
    page(undefined, vi.fn(), new Error('x'));
    expect(screen.getByTestId('query-error')).toBeTruthy();
    expect(screen.queryByTestId('record-page')).toBeNull();
  });
});
