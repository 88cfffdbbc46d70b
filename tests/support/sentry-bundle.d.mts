export function sentryReplayBundle(): Promise<string>;
