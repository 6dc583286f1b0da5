import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { citizenIdProblem } from '@civicgrid/shared/validators';
import { mockFetch, renderWithApp } from '../test-support/render';
import { ReferralPanel } from './ReferralPanel';
import { SubjectPicker } from './SubjectPicker';
import type { Referral } from './records-api';

const VALID_ID = '11010519491231002X';
const BAD_CHECK = '110105194912310021';

describe('SubjectPicker', () => {
  it('searches the registry for the chosen type', async () => {
    const calls = mockFetch(() => ({ items: [{ id: 'p1', label: '张三（1101**********002X）' }] }));
    renderWithApp(<SubjectPicker type="person" data-testid="picker" />);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '张三' } });
    await screen.findByText('张三（1101**********002X）');
    const search = calls.find((c) => c.url.pathname === '/api/subjects/search')!;
    expect(Object.fromEntries(search.url.searchParams)).toEqual({ type: 'person', q: '张三', limit: '20' });
  });

  it('registers a person inline, refusing a bad check digit before anything is sent', async () => {
    expect(citizenIdProblem(VALID_ID)).toBeNull();
    expect(citizenIdProblem(BAD_CHECK)).toBe('id_check_digit');
    const calls = mockFetch(({ url }) =>
      url.pathname === '/api/subjects/persons'
        ? [201, { id: 'p9', label: '李四（1101**********002X）' }]
        : { items: [] },
    );
    const onChange = vi.fn();
    renderWithApp(<SubjectPicker type="person" allowCreate onChange={onChange} />, {
      permissions: ['registry.manage'],
    });
    fireEvent.click(screen.getByTestId('subject-create-person'));
    fireEvent.change(await screen.findByTestId('subject-person-name'), { target: { value: '李四' } });
    fireEvent.change(screen.getByTestId('subject-person-id'), { target: { value: BAD_CHECK } });
    fireEvent.click(screen.getByTestId('subject-person-form-ok'));
    await screen.findByText('校验位错误');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByTestId('subject-person-id'), { target: { value: VALID_ID.toLowerCase() } });
    fireEvent.click(screen.getByTestId('subject-person-form-ok'));
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith('p9', { id: 'p9', label: '李四（1101**********002X）' }),
    );
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      name: '李四',
      idType: 'citizen_id',
      idNumber: VALID_ID,
      residenceType: 'registered',
    });
  });

  it('offers no inline registration without registry.manage', () => {
    mockFetch(() => ({ items: [] }));
    renderWithApp(<SubjectPicker type="person" allowCreate />);
    expect(screen.queryByTestId('subject-create-person')).toBeNull();
  });
});

const referral = (over: Partial<Referral>): Referral => ({
  id: 'r1',
  ownerType: 'case',
  ownerId: 'c1',
  ownerLabel: '20261202000001 梅园路垃圾',
  kind: 'transfer',
  fromOrgId: 'o1',
  toOrgId: 'o2',
  status: 'pending',
  reason: '属地不符，请接收',
  response: null,
  dueAt: '2026-12-04T10:00:00.000Z',
  createdAt: '2026-12-01T10:00:00.000Z',
  version: 3,
  canAnswer: true,
  canWithdraw: false,
  ...over,
});

describe('ReferralPanel', () => {
  it("lists the record's incoming referrals and accepts one with its version", async () => {
    const calls = mockFetch(({ method }) =>
      method === 'POST'
        ? referral({ status: 'accepted', version: 4 })
        : { items: [referral({}), referral({ id: 'r2', ownerId: 'other' })], nextCursor: null },
    );
    const onAnswered = vi.fn();
    renderWithApp(<ReferralPanel ownerType="case" ownerId="c1" onAnswered={onAnswered} />);
    await screen.findByText('属地不符，请接收');
    expect(screen.getAllByTestId('referral-item')).toHaveLength(1);
    const list = calls[0]!.url;
    expect(Object.fromEntries(list.searchParams)).toEqual({
      box: 'incoming',
      ownerType: 'case',
      limit: '50',
    });
    fireEvent.click(screen.getByTestId('referral-accept'));
    await waitFor(() => expect(onAnswered).toHaveBeenCalled());
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/referrals/r1/accept');
    expect(post.body).toEqual({ version: 3 });
  });

  it('declines only with a reason, sent as the response', async () => {
    const calls = mockFetch(({ method }) =>
      method === 'POST' ? referral({ status: 'declined' }) : { items: [referral({})], nextCursor: null },
    );
    renderWithApp(<ReferralPanel />);
    fireEvent.click(await screen.findByTestId('referral-decline'));
    fireEvent.click(await screen.findByTestId('referral-decline-form-ok'));
    await screen.findByText('请填写拒绝理由');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByTestId('referral-decline-reason'), { target: { value: '不属本单位职责' } });
    fireEvent.click(screen.getByTestId('referral-decline-form-ok'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/referrals/r1/decline');
    expect(post.body).toEqual({ version: 3, response: '不属本单位职责' });
  });

  it('shows no answer buttons on the sending side', async () => {
    mockFetch(() => ({ items: [referral({ canAnswer: false })], nextCursor: null }));
    renderWithApp(<ReferralPanel box="outgoing" />);
    await screen.findByText('属地不符，请接收');
    expect(screen.queryByTestId('referral-accept')).toBeNull();
  });

  it("offers the sender only a withdrawal, even where it could answer too (a district's own subtree)", async () => {
    const calls = mockFetch(({ method }) =>
      method === 'POST'
        ? referral({ status: 'withdrawn', version: 4 })
        : { items: [referral({ canAnswer: true, canWithdraw: true })], nextCursor: null },
    );
    renderWithApp(<ReferralPanel box="outgoing" />);
    fireEvent.click(await screen.findByTestId('referral-withdraw'));
    expect(screen.queryByTestId('referral-accept')).toBeNull();
    fireEvent.click(await screen.findByTestId('referral-withdraw-ok'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/referrals/r1/withdraw');
    expect(post.body).toEqual({ version: 3 });
  });
});
