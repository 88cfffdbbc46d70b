/**
 * The event the MAIN-world hook dispatches on a host that just got a shadow
 * root. Non-bubbling and composed: the isolated world hears it in the capture
 * phase at the document, and reads the real host from composedPath()[0] (the
 * target is retargeted to the outermost host). A page can dispatch it too; all that does is make Tally look at
 * that element, which is harmless.
 */
export const SHADOW_ATTACHED_EVENT = 'tally:shadow-attached';
