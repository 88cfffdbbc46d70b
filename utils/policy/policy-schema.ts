import * as z from 'zod/mini';
import { isValidPattern } from 'webext-patterns';

/**
 * The organisation's policy as Tally accepts it: the one schema that mirrors
 * public/managed_schema.json (tests/unit/policy/managed-schema.test.ts keeps the
 * two in step). Chromium checks only the JSON types before handing a policy to
 * Tally; ranges, formats and enums are checked here so a wrong value can be
 * named to the user instead of vanishing silently.
 *
 * Every property is optional: a missing one takes its default in
 * effective-policy.ts, a wrong one is dropped with a problem (policy-parser.ts).
 */

const text = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'must not be empty' }),
      z.maxLength(max, { error: `must be at most ${max} characters` }),
    );

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** HTTPS, or plain HTTP to this machine (a local agent or test server never leaves the device). */
export function isSecureUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  return (
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  );
}

const secureUrl = z
  .string()
  .check(
    z.refine(isSecureUrl, { error: 'must be an https:// address (http:// only for localhost)' }),
  );

const minutes = (min: number) =>
  z
    .number()
    .check(
      z.gte(min, { error: `must be at least ${min} minutes` }),
      z.lte(1440, { error: 'must be at most 1440 minutes (a day)' }),
    );

const dateTime = z.string().check(
  z.refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), {
    error: 'must be a date such as 2026-12-31 or 2026-12-31T17:00:00Z',
  }),
);

export const EXEMPTION_STATUSES = ['none', 'requested', 'approved', 'denied'] as const;
export type ExemptionStatus = (typeof EXEMPTION_STATUSES)[number];

/** The exemption grounds the program offers (see DEVELOPERS.md, "Why it exists"). */
export const EXEMPTION_CATEGORIES = [
  'limited-bandwidth',
  'sensitive-information',
  'battery',
  'other',
] as const;
export type ExemptionCategory = (typeof EXEMPTION_CATEGORIES)[number];

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')}` });

/** A native messaging host name as browsers accept it: dot-separated lowercase words. */
const NATIVE_HOST_NAME = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

export const PolicySchema = z.object({
  programName: z.optional(text(120)),
  notice: z.optional(
    z.object({
      whatIsCaptured: z.optional(text(2000)),
      why: z.optional(text(2000)),
      retention: z.optional(text(2000)),
      whoCanSee: z.optional(text(2000)),
      moreInfoUrl: z.optional(secureUrl),
    }),
  ),
  captureActive: z.optional(z.boolean()),
  exemption: z.optional(
    z.object({
      status: z.optional(oneOf(EXEMPTION_STATUSES)),
      category: z.optional(oneOf(EXEMPTION_CATEGORIES)),
      expiresAt: z.optional(dateTime),
    }),
  ),
  pause: z.optional(
    z.object({
      maxMinutes: z.optional(minutes(0.25)),
      dailyBudgetMinutes: z.optional(minutes(0.25)),
      cooldownMinutes: z.optional(minutes(0)),
      allowPauseAgain: z.optional(z.boolean()),
    }),
  ),
  exemptionRequests: z.optional(
    z.object({
      endpoint: z.optional(secureUrl),
      email: z.optional(
        z
          .string()
          .check(z.email({ error: 'must be an email address such as privacy@example.com' })),
      ),
      timeoutSeconds: z.optional(
        z
          .number()
          .check(
            z.int({ error: 'must be a whole number of seconds' }),
            z.gte(3, { error: 'must be at least 3 seconds' }),
            z.lte(120, { error: 'must be at most 120 seconds' }),
          ),
      ),
    }),
  ),
  captureOffSites: z.optional(
    z.array(
      z.string().check(
        z.refine(isValidPattern, {
          error: 'must be a match pattern such as https://*.example.com/*',
        }),
      ),
    ),
  ),
  redaction: z.optional(
    z.object({
      nationalId: z.optional(z.boolean()),
      health: z.optional(z.boolean()),
      financial: z.optional(z.boolean()),
      credential: z.optional(z.boolean()),
      confidential: z.optional(z.boolean()),
    }),
  ),
  shield: z.optional(
    z.object({
      fields: z.optional(z.boolean()),
      confidentialDocuments: z.optional(z.boolean()),
    }),
  ),
  agent: z.optional(
    z.object({
      nativeHost: z.optional(
        z.string().check(
          z.maxLength(200, { error: 'must be at most 200 characters' }),
          z.regex(NATIVE_HOST_NAME, {
            error: 'must be a native messaging host name such as com.example.capture_agent',
          }),
        ),
      ),
      controlUrl: z.optional(secureUrl),
    }),
  ),
});

export type Policy = z.infer<typeof PolicySchema>;
