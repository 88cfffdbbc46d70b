// The parts of a date a box may hold on its own: a card's expiry or a birth date typed as
// "Month" and "Year" under one legend, in the languages Tally reads forms in.
const PART_WORDS = [
  'month',
  'year',
  'day',
  'mm',
  'yy',
  'yyyy',
  'dd',
  'mo',
  'yr',
  'mes',
  'año',
  'ano',
  'día',
  'dia',
  'mois',
  'année',
  'annee',
  'jour',
  'monat',
  'jahr',
  'tag',
  'mese',
  'anno',
  'giorno',
  'mês',
  'maand',
  'jaar',
  'dag',
  'miesiąc',
  'rok',
  'dzień',
  'månad',
  'år',
].join('|');

// A name that is only a part: "Month", "Año:", "YYYY *".
const ONLY_A_PART = new RegExp(`^\\s*(?:${PART_WORDS})(?:\\s*[:*])?\\s*$`, 'iu');
// A part at the end of a longer name: "Expiration month", "gültig bis Jahr:".
const TRAILING_PART = new RegExp(`(?<![\\s:(/-])[\\s:(/-]+(?:${PART_WORDS})[\\s:*)]*$`, 'iu');

// Longer than any part word with its colon, asterisk and spaces: every field's label is asked,
// and almost all are longer, so most never reach the pattern.
const MAX_PART_NAME = 12;

/** Whether a box's name says only which part of a date it holds ("Month", "Year"). */
export function namesOnlyADatePart(name: string): boolean {
  return name.length <= MAX_PART_NAME && ONLY_A_PART.test(name);
}

/**
 * The entry a box's name names, without the part of a date it holds, in lower case; the same
 * for every box named only by a part ("Month", "Year"), since those are parts of one entry.
 */
export function entryNamed(name: string): string {
  if (namesOnlyADatePart(name)) return '#date';
  return name
    .replace(TRAILING_PART, '')
    .replace(/(?<![\s:*])[\s:*]+$/u, '')
    .toLowerCase();
}
