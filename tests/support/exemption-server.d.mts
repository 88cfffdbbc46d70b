export function startExemptionServer(): Promise<{
  url: string;
  received: Array<{ path: string; body: unknown }>;
  close(): Promise<void>;
}>;
