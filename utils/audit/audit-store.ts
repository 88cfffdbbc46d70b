import { AUDIT_LIMIT, AuditLogSchema, type AuditEntry } from './audit-entry';
import { LOCAL_KEYS, type StorageArea } from '../state/storage-keys';

/** Reads the log, dropping it only if it is unreadable (a corrupt log must not block new entries). */
export async function readAudit(local: Pick<StorageArea, 'get'>): Promise<AuditEntry[]> {
  const stored = (await local.get(LOCAL_KEYS.audit))[LOCAL_KEYS.audit];
  const parsed = AuditLogSchema.safeParse(stored ?? []);
  return parsed.success ? parsed.data : [];
}

/** Appends one entry, keeping the newest AUDIT_LIMIT. Call inside the state queue. */
export async function appendAudit(local: StorageArea, entry: AuditEntry): Promise<void> {
  const log = await readAudit(local);
  log.push(entry);
  await local.set({ [LOCAL_KEYS.audit]: log.slice(-AUDIT_LIMIT) });
}
