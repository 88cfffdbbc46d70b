import { describe, expect, it } from 'vitest';
import { blankDescriptor } from '@/utils/detection/field-descriptor';
import { classifySplitSsn, findSplitSsnRuns } from '@/utils/detection/split-ssn';

describe('split SSN boxes', () => {
  it('finds 3-2-4 runs only', () => {
    expect(findSplitSsnRuns([3, 2, 4])).toEqual([0]);
    expect(findSplitSsnRuns([-1, 3, 2, 4, 3, 2, 4])).toEqual([1, 4]);
    expect(findSplitSsnRuns([3, 3, 4])).toEqual([]);
    expect(findSplitSsnRuns([2, 2, 4])).toEqual([]);
  });

  const box = (maxLength: number, label = '') => blankDescriptor({ maxLength, label });

  it('flags the three boxes as one national ID', () => {
    const verdict = classifySplitSsn([box(3, 'SSN'), box(2), box(4)]);
    expect(verdict.category).toBe('national-id');
    expect(verdict.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('flags the layout alone, and more surely when the digits pass', () => {
    const alone = classifySplitSsn([box(3), box(2), box(4)]);
    expect(alone.category).toBe('national-id');
    const typed = classifySplitSsn([box(3), box(2), box(4)], undefined, ['536', '22', '1234']);
    expect(typed.confidence).toBeGreaterThan(alone.confidence);
  });

  it('leaves phone-like groups alone', () => {
    expect(classifySplitSsn([box(3, 'Phone'), box(2), box(4)]).category).toBeNull();
  });
});
