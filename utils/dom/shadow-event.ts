/**
 * The event the MAIN-world hook dispatches on a host that just got a shadow
 * root. Non-bubbling: the isolated world hears it in the capture phase at the
 * document. A page can dispatch it too; all that does is make Tally look at
 * that element, which is harmless.
 */
export const SHADOW_ATTACHED_EVENT = 'tally:shadow-attached';
