export const MINUTE = 60_000;

/** Whole minutes left until `until`, rounded up: "29m" means at most 29 minutes remain. */
export function minutesLeftUntil(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / MINUTE));
}

/** A running countdown as m:ss (or h:mm:ss), for the popup. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** A duration in minutes as the pause buttons show it: "5", "0.5", "7.25". */
export function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 100) / 100);
}

/** A moment as the popup shows it: the time alone when it is today, the date and time otherwise. */
export function formatWhen(epoch: number, now: number, locale: string): string {
  const sameDay = new Date(epoch).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(
    locale,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(epoch);
}
