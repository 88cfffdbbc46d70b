import { AUDIT_LIMIT, AuditLogSchema, type AuditEntry } from './audit-entry';
import { LOCAL_KEYS, type StorageArea } from '../state/storage-keys';

/** Reads the log, dropping it only if it is unreadable (a corrupt log must not block new entries). */
export async function readAudit(local: Pick<StorageArea, 'get'>): Promise<AuditEntry[]> {
  const stored = (await local.get(LOCAL_KEYS.audit))[LOCAL_KEYS.audit];
  const parsed = AuditLogSchema.safeParse(stored ?? []);
  return parsed.success ? parsed.data : [];
}

/**
 * The log with one more entry (the newest AUDIT_LIMIT kept), as items for the same `set()` as the
 * change it records: the browser may stop the worker between two writes, and a change stored
 * without its entry would never be logged. `replacesLast` says when the new entry stands in for
 * the last one instead of following it. Call inside the state queue.
 */
export async function withAuditEntry(
  local: Pick<StorageArea, 'get'>,
  entry: AuditEntry,
  replacesLast: (last: AuditEntry) => boolean = () => false,
): Promise<Record<string, AuditEntry[]>> {
  const log = await readAudit(local);
  const last = log[log.length - 1];
  if (last && replacesLast(last)) log.pop();
  log.push(entry);
  return { [LOCAL_KEYS.audit]: log.slice(-AUDIT_LIMIT) };
}

/** Appends one entry that records no other stored change. Call inside the state queue. */
export async function appendAudit(local: StorageArea, entry: AuditEntry): Promise<void> {
  await local.set(await withAuditEntry(local, entry));
}
