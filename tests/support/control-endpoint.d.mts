export interface ControlRequest {
  at: number;
  method: string;
  path: string;
  key: string | null;
  cookie: string | null;
  body: { type?: string; id?: string; until?: number; [key: string]: unknown } | null;
}
export function startControlEndpoint(options?: { failPauses?: number }): Promise<{
  url: string;
  requests: ControlRequest[];
  close(): Promise<void>;
}>;
