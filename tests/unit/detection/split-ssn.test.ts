import { describe, expect, it } from 'vitest';
import { blankDescriptor } from '@/utils/detection/field-descriptor';
import { classifySplitSsn } from '@/utils/detection/split-ssn';

describe('split SSN boxes', () => {
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
