export interface ProxiedRequest {
  method: string;
  url: string;
  headers: string;
  body: string;
}
export function startRecordingProxy(): Promise<{
  port: number;
  args: string[];
  seen: ProxiedRequest[];
  close: () => Promise<void>;
}>;
