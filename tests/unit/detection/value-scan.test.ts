import { describe, expect, it } from 'vitest';
import { scanFreeText } from '@/utils/detection/value-scan';
import { matchNationalId } from '@/utils/detection/validators/national-ids';

describe('free text of many numbers', () => {
  it('gives one finding of each kind for numbers with nothing before them', () => {
    const sheet = Array.from({ length: 2000 }, (_, i) => String(10_000_000 + i * 7)).join(', ');
    const findings = scanFreeText(sheet);
    const kinds = findings.map((f) => `${f.kind}|${f.rule}`);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(findings.length).toBeLessThan(10);
    // A number after its name still counts, with its name.
    const named = scanFreeText(`${sheet}, DNI 30123456`);
    expect(
      named.some((f) => f.kind === 'national-id' && f.nearbySignals.includes('national-id')),
    ).toBe(true);
  });

  it('checks a candidate only against the numbers of its length', () => {
    // Published numbers of four lengths, and one of each length that passes no check.
    expect(matchNationalId('046 454 286')?.name).toMatch(/Canada/);
    expect(matchNationalId('RCCMNL83S18D969H')?.name).toMatch(/codice fiscale/);
    expect(matchNationalId('11010519491231002X')?.name).toMatch(/China/);
    expect(matchNationalId('756.9217.0769.85')?.name).toMatch(/AHV/);
    expect(matchNationalId('RCCMNL83S18D969A')).toBeNull();
    expect(matchNationalId('1234567890123456789')).toBeNull();
  });
});
