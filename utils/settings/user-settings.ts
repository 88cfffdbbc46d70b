import * as z from 'zod/mini';

/** The user's own choices, in storage.local under `settings`. */
export const UserSettingsSchema = z.object({
  /** The clearly labelled demo program (used only when there is no organisation policy). */
  demoProgram: z._default(z.boolean(), false),
  /** A notification a minute before a pause ends. */
  warnBeforePauseEnds: z._default(z.boolean(), true),
});
export type UserSettings = z.infer<typeof UserSettingsSchema>;

export const DEFAULT_SETTINGS: UserSettings = { demoProgram: false, warnBeforePauseEnds: true };

/** What was stored, or the defaults for whatever is missing or malformed. */
export function readSettings(stored: unknown): UserSettings {
  const parsed = UserSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
