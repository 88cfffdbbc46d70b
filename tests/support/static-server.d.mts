export function startStaticServer(
  root: string,
  options?: { headers?: Record<string, string> },
): Promise<{ url: string; close(): Promise<void> }>;
