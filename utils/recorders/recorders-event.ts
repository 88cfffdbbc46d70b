/**
 * The event Tally's MAIN-world probe dispatches on the document when it finds
 * a recorder's globals. Its detail is a string of recorder ids separated by
 * commas: nothing else about the page. A page can dispatch it too; all that can
 * do is name a known recorder (unknown ids are dropped), which only makes Tally
 * more cautious, never less.
 */
export const RECORDERS_SEEN_EVENT = 'tally:recorders-seen';
