import type english from '../../public/_locales/en/messages.json';

/** Every message Tally shows; English (public/_locales/en) is the reference locale. */
export type MessageKey = keyof typeof english;

/** Looks up a message in the user's language. Injected, so pure code can word things without the browser. */
export type Translate = (key: MessageKey, substitutions?: readonly string[]) => string;
