/** Whether two lists hold the same items in the same order (compared with ===). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  // A plain loop: the content script runs this for every field it judges.
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
