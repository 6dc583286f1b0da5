import { describe, expect, it } from 'vitest';
import { leaveApprovalLevel, teamWarnings } from './special-populations.ts';

describe('corrections rules', () => {
  it('approves a leave of 7 days at the 司法所, 8 at the county, 31 above it', () => {
    expect([7, 8, 30, 31].map((d) => leaveApprovalLevel(d))).toEqual([
      'justice_office',
      'county',
      'county',
      'above',
    ]);
  });
  it('asks for a cadre, and for a woman on the team of a woman under correction', () => {
    expect(teamWarnings('female', 'corrections', [{ role: 'cadre', sex: 'male' }])).toEqual(['no_woman']);
    expect(teamWarnings('female', 'corrections', [{ role: 'cadre', sex: 'female' }])).toEqual([]);
    expect(teamWarnings('female', 'drug', [{ role: 'cadre', sex: 'male' }])).toEqual([]);
    expect(teamWarnings('male', 'corrections', [{ role: 'family', sex: 'female' }])).toEqual(['no_cadre']);
  });
});
