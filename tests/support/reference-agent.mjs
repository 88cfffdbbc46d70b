// The reference capture agent (agent/) registered for real as a native messaging host in a
// test's Chromium profile (<profile>/NativeMessagingHosts), with its log and control file there.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
export const AGENT_HOST = 'org.tally.reference_agent';

let built;
/** Builds agent/dist once per test process (a second or so). */
function buildAgent() {
  built ??= run(process.execPath, [join(ROOT, 'agent/build.mjs')], { cwd: ROOT });
  return built;
}

/**
 * Registers the agent for the Chromium profile in `profileDir`, allowing `extensionId` to start
 * it; answers its log and control files.
 */
export async function registerReferenceAgent(profileDir, control = {}, extensionId) {
  await buildAgent();
  const log = join(profileDir, 'agent.jsonl');
  const controlFile = join(profileDir, 'agent-control.json');
  await writeFile(controlFile, JSON.stringify(control));
  await run(process.execPath, [
    join(ROOT, 'agent/dist/install.mjs'),
    '--browser',
    'chromium',
    '--dir',
    join(profileDir, 'NativeMessagingHosts'),
    '--log',
    log,
    '--control',
    controlFile,
    ...(extensionId ? ['--extension-id', extensionId] : []),
  ]);
  return {
    /** Every line of the agent's log so far (several runs of the agent append to it). */
    async entries() {
      const text = await readFile(log, 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line));
    },
    /** Changes what the running agent reports (it watches the file). */
    async setControl(next) {
      await writeFile(controlFile, JSON.stringify(next));
    },
  };
}
