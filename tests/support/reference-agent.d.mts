export const AGENT_HOST: string;
export interface AgentLogEntry {
  at: number;
  event: 'started' | 'received' | 'sent' | 'rejected' | 'stopped';
  message?: { type: string; [key: string]: unknown };
  pid?: number;
  [key: string]: unknown;
}
export interface AgentControl {
  capturing?: boolean;
  program?: string;
  modes?: string[];
  protocol?: number;
  acknowledge?: boolean;
}
export function registerReferenceAgent(
  profileDir: string,
  control?: AgentControl,
  extensionId?: string,
): Promise<{
  entries(): Promise<AgentLogEntry[]>;
  setControl(next: AgentControl): Promise<void>;
}>;
