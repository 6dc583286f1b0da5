import { describe, expect, it } from 'vitest';
import { levelPlacementError } from './orgs.ts';

describe('org level placement', () => {
  it('lets units nest only deeper, and departments hang anywhere', () => {
    expect(levelPlacementError('district', 'street')).toBeNull();
    expect(levelPlacementError('district', 'community')).toBeNull();
    expect(levelPlacementError('grid', 'microgrid')).toBeNull();
    expect(levelPlacementError('district', 'department')).toBeNull();
    expect(levelPlacementError('department', 'department')).toBeNull();
    expect(levelPlacementError('community', 'street')).toMatch(/cannot sit under/);
    expect(levelPlacementError('grid', 'grid')).toMatch(/cannot sit under/);
    expect(levelPlacementError('department', 'grid')).toMatch(/department/);
  });
});
