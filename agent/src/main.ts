// The reference capture agent: a native messaging host that speaks Tally's agent protocol.
// Run by the browser (never by hand): stdin and stdout carry the framed messages.
import { appendFileSync, mkdirSync, readFileSync, unwatchFile, watchFile } from 'node:fs';
import { dirname } from 'node:path';
import { encodeFrame, FrameReader } from './framing';
import { defaultLogPath } from './install-locations';
import {
  AgentControlSchema,
  DEFAULT_CONTROL,
  handleFromTally,
  statusOf,
  type AgentControl,
  type AgentState,
  type LogEntry,
} from './reference-agent';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const logPath = option('log') ?? defaultLogPath(process.platform, process.env);
const controlPath = option('control');
mkdirSync(dirname(logPath), { recursive: true });

function log(entry: LogEntry | { at: number; event: string; [key: string]: unknown }): void {
  appendFileSync(logPath, `${JSON.stringify(entry)}\n`);
}

function readControl(): AgentControl {
  if (!controlPath) return DEFAULT_CONTROL;
  try {
    const parsed = AgentControlSchema.safeParse(JSON.parse(readFileSync(controlPath, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_CONTROL;
  } catch {
    return DEFAULT_CONTROL;
  }
}

function send(message: unknown): void {
  process.stdout.write(encodeFrame(message));
}

let state: AgentState = { control: readControl(), pausedUntil: null };
// The browser passes the caller's origin (Chrome) or the manifest path and extension id (Firefox)
// after the launcher's own options.
const ownOptions = new Set(['--log', '--control']);
const caller = process.argv
  .slice(2)
  .filter((arg, i, all) => !ownOptions.has(arg) && !ownOptions.has(all[i - 1] ?? ''));
log({ at: Date.now(), event: 'started', pid: process.pid, caller });

const reader = new FrameReader();
process.stdin.on('data', (chunk: Buffer) => {
  for (const frame of reader.push(chunk)) {
    if (!frame.ok) {
      log({ at: Date.now(), event: 'rejected', reason: frame.error });
      continue;
    }
    const result = handleFromTally(state, frame.message, Date.now());
    state = result.state;
    for (const entry of result.log) log(entry);
    for (const reply of result.replies) send(reply);
  }
});

// The person running the agent changed what it reports: tell Tally at once.
if (controlPath) {
  watchFile(controlPath, { interval: 200 }, () => {
    const control = readControl();
    if (JSON.stringify(control) === JSON.stringify(state.control)) return;
    state = { ...state, control };
    const status = statusOf(control);
    log({ at: Date.now(), event: 'sent', message: status });
    send(status);
  });
}

// The browser closes stdin when Tally disconnects (or the worker stops): the agent's part is over.
process.stdin.on('end', () => {
  log({ at: Date.now(), event: 'stopped', pausedUntil: state.pausedUntil });
  if (controlPath) unwatchFile(controlPath);
  process.exit(0);
});
