import * as z from 'zod/mini';
import type { PauseState } from './pause-state';

const time = z.number().check(z.int(), z.gte(0));

/** What storage.local holds under `pause`; anything else read back is discarded (see pause-store). */
export const PauseStateSchema = z.object({
  current: z.nullable(
    z.object({
      startedAt: time,
      endsAt: time,
      minutes: z.number().check(z.gt(0), z.lte(1440)),
    }),
  ),
  history: z.array(z.object({ startedAt: time, endedAt: time })).check(z.maxLength(500)),
});

// What the schema accepts must be usable as a PauseState (checked by the compiler).
type Accepts<Parsed, Wanted> = [Parsed] extends [Wanted] ? true : never;
export const SCHEMA_FITS_TYPE: Accepts<z.infer<typeof PauseStateSchema>, PauseState> = true;
