import { describe, expect, it } from 'vitest';
import { entryNamed, namesOnlyADatePart } from '@/utils/detection/date-parts';

describe('date parts', () => {
  it.each(['Month', 'Year:', 'YYYY *', 'Año', 'mois', 'Jahr', 'Maand'])(
    '"%s" names only a part',
    (name) => {
      expect(namesOnlyADatePart(name)).toBe(true);
    },
  );

  it.each(['Expiration month', 'Monthly rent', 'Years at address', 'Today', ''])(
    '"%s" names more than a part',
    (name) => {
      expect(namesOnlyADatePart(name)).toBe(false);
    },
  );

  it('names one entry for the parts of one date, and different entries otherwise', () => {
    expect(entryNamed('Expiration month')).toBe(entryNamed('Expiration year:'));
    expect(entryNamed('gültig bis Monat:')).toBe('gültig bis');
    expect(entryNamed('Month')).toBe(entryNamed('Year'));
    expect(entryNamed('Expiration month')).not.toBe(entryNamed('Month'));
    expect(entryNamed('Card number')).toBe('card number');
  });
});
