/**
 * The messages.json format (developer.chrome.com/docs/extensions/how-to/ui/localization-message-formats):
 * a message with named $PLACEHOLDERS$ whose content is "$1".."$9". The
 * browser formats these itself; this module does the same for unit tests and
 * for checking that every locale's messages are complete and consistent.
 */
export interface LocaleMessage {
  readonly message: string;
  readonly description?: string;
  readonly placeholders?: Readonly<
    Record<string, { readonly content: string; readonly example?: string }>
  >;
}
export type LocaleMessages = Readonly<Record<string, LocaleMessage>>;

export function formatMessage(entry: LocaleMessage, substitutions: readonly string[] = []): string {
  const positional = (text: string) =>
    text.replace(/\$(\d)/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder === undefined ? whole : positional(placeholder.content);
    })
    .replace(/\$\$/g, '$');
}
