import { describe, expect, it } from 'vitest';
import { RECENT_MAX, recentCategories, rememberCategory } from './recent-categories';

function memory(initial?: string) {
  const data = new Map<string, string>(initial === undefined ? [] : [['cg.recentCategories', initial]]);
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('recently used categories', () => {
  it('puts the latest pick first, once, and keeps at most RECENT_MAX', () => {
    const s = memory();
    for (const id of ['a', 'b', 'c', 'a']) rememberCategory(id, s);
    expect(recentCategories(s)).toEqual(['a', 'c', 'b']);
    for (let i = 0; i < 10; i++) rememberCategory(`x${i}`, s);
    expect(recentCategories(s)).toHaveLength(RECENT_MAX);
    expect(recentCategories(s)[0]).toBe('x9');
  });
  it('reads a damaged entry as no history', () => {
    expect(recentCategories(memory('{not json'))).toEqual([]);
    expect(recentCategories(memory('{"a":1}'))).toEqual([]);
  });
});
