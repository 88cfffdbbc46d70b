import * as z from 'zod/mini';
import type { PageState } from '../page-state/page-state';
import { PageStateSchema } from '../page-state/page-state.schema';

/** What the background pushes to a tab's content scripts (checked by hand there: page-state-guard). */
export const BackgroundToContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('background/page-state'), state: PageStateSchema }),
]);
// The type is PageState's own (readonly lists); the schema is what a test holds it to.
export type BackgroundToContent = { type: 'background/page-state'; state: PageState };
