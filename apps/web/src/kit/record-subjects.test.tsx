import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderWithApp } from '../test-support/render';
import { RecordSubjects } from './RecordSubjects';

const SUBJECT = {
  id: 's1',
  subjectType: 'person',
  subjectId: 'p1',
  role: 'party',
  label: '张*（1101**********002X）',
  createdAt: '2026-12-01T10:00:00.000Z',
};

describe('RecordSubjects', () => {
  it("lists the record's subjects with role and the masked label, read-only without the write permission", async () => {
    const calls = mockFetch(() => ({ items: [SUBJECT] }));
    renderWithApp(<RecordSubjects ownerType="case" ownerId="c1" canWrite={false} />);
    await screen.findByText('张*（1101**********002X）');
    expect(screen.getByText('当事人')).toBeTruthy();
    expect(calls[0]!.url.pathname).toBe('/api/records/case/c1/subjects');
    expect(screen.queryByTestId('record-subject-add')).toBeNull();
    expect(screen.queryByTestId('record-subject-remove')).toBeNull();
  });

  it('removes one only after the confirmation', async () => {
    const calls = mockFetch(({ method }) => (method === 'DELETE' ? [200, {}] : { items: [SUBJECT] }));
    renderWithApp(<RecordSubjects ownerType="case" ownerId="c1" canWrite />);
    fireEvent.click(await screen.findByTestId('record-subject-remove'));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(await screen.findByTestId('record-subject-remove-ok'));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(calls.find((c) => c.method === 'DELETE')!.url.pathname).toBe('/api/records/case/c1/subjects/s1');
  });
});
