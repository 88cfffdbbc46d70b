/**
 * How the MAIN-world probe tells Tally's isolated world which recorders' globals it found, without
 * a page being able to listen in or speak for it.
 *
 * The two meet at document_start, before any page script exists: the isolated world announces
 * itself with PROBE_READY_EVENT on the document, and the probe answers with PROBE_HELLO_EVENT whose
 * `relatedTarget` is a private element, created by the probe and never inserted into the document.
 * The isolated world takes the first hello only and acknowledges it on that element, after which
 * the probe answers no further ready events (a page's could otherwise draw the element out); from
 * then on the probe dispatches
 * RECORDERS_SEEN_EVENT on that element alone. A page script, which runs later, can neither reach
 * the element nor be taken for the probe: its events on the document are ignored.
 */
export const PROBE_READY_EVENT = 'tally:probe-ready';
export const PROBE_HELLO_EVENT = 'tally:probe-hello';
/** Dispatched on the private element once the isolated world holds it: the probe greets no more. */
export const PROBE_ACK_EVENT = 'tally:probe-ack';
/** Its detail is a string of recorder ids separated by commas: nothing else about the page. */
export const RECORDERS_SEEN_EVENT = 'tally:recorders-seen';
