import { describe, expect, it } from 'vitest';
import { csvLine, safeCell } from './csv.ts';

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+8613812345678', "'+8613812345678"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['普通文本', '普通文本'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
  ])('%j → %j', (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });
  it('ends rows with CRLF and leaves empty cells empty', () => {
    expect(csvLine(['a', null, undefined, 3])).toBe('a,,,3\r\n');
  });
});
