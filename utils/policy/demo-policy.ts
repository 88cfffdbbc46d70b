import type { Policy } from './policy-schema';

/**
 * The clearly labelled demonstration program a newcomer can switch on in the
 * options page to try everything without an organisation's policy. Nothing is
 * captured by it; it only gives Tally something to show.
 */
export const DEMO_POLICY: Policy = {
  programName: 'Demo program (nothing is recorded)',
  notice: {
    whatIsCaptured:
      'In a real program: keystrokes, clicks, page addresses and screen contents of work apps. This demo captures nothing.',
    why: 'To train software agents on how work is done. This demo only shows how Tally presents a program.',
    retention: 'A real program must say how long it keeps recordings. This demo keeps nothing.',
    whoCanSee: 'A real program must say who can see recordings. In this demo, nobody.',
  },
  captureActive: true,
  exemption: { status: 'none' },
  pause: { maxMinutes: 30, dailyBudgetMinutes: 120 },
  exemptionRequests: { email: 'exemptions@example.com' },
};
