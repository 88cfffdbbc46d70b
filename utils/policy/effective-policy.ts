import { patternToRegex } from 'webext-patterns';
import type { Category } from '../detection/categories';
import { DEMO_POLICY } from './demo-policy';
import { parsePolicy, type PolicyProblem } from './policy-parser';
import type { ExemptionCategory, ExemptionStatus, Policy } from './policy-schema';

/** Where the policy in force came from. */
export type PolicySource = 'managed' | 'demo' | 'none';

export const DEFAULT_MAX_PAUSE_MINUTES = 30;
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 20;

/** The policy with every default filled in: what the rest of Tally reads. Plain data, so it can be messaged. */
export interface EffectivePolicy {
  readonly source: PolicySource;
  readonly programName: string | undefined;
  readonly notice: NonNullable<Policy['notice']>;
  /** undefined: the policy does not say. */
  readonly captureActive: boolean | undefined;
  readonly exemption: {
    readonly status: ExemptionStatus;
    readonly category: ExemptionCategory | undefined;
    /** Epoch ms; undefined means no end date. */
    readonly expiresAt: number | undefined;
  };
  readonly pause: {
    readonly maxMinutes: number;
    readonly dailyBudgetMinutes: number | undefined;
    readonly cooldownMinutes: number;
    readonly allowPauseAgain: boolean;
  };
  readonly exemptionRequests: {
    readonly endpoint: string | undefined;
    readonly email: string | undefined;
    readonly timeoutSeconds: number;
  };
  readonly captureOffSites: readonly string[];
  readonly redaction: Readonly<Record<Category, boolean>>;
  readonly shield: { readonly fields: boolean; readonly confidentialDocuments: boolean };
  /** How to reach the capture program's agent; both undefined: Tally talks to no agent. */
  readonly agent: {
    readonly nativeHost: string | undefined;
    readonly controlUrl: string | undefined;
  };
  readonly problems: readonly PolicyProblem[];
}

export interface PolicyInputs {
  /** What storage.managed returned; undefined when the browser has none or cannot say. */
  readonly managed: unknown;
  /** The user switched the demo program on in the options page. */
  readonly demoEnabled: boolean;
  /** Set when reading managed storage itself failed. */
  readonly readError?: string | undefined;
}

function hasAnyKey(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/**
 * An organisation's policy always wins over the demo; with neither, Tally runs
 * for a single user with the defaults (pause up to 30 minutes, redaction on).
 */
export function resolvePolicy({ managed, demoEnabled, readError }: PolicyInputs): EffectivePolicy {
  const readProblems: PolicyProblem[] =
    readError === undefined ? [] : [{ path: '(managed storage)', message: readError }];
  if (managed !== undefined && (hasAnyKey(managed) || typeof managed !== 'object')) {
    const { policy, problems } = parsePolicy(managed);
    return withDefaults('managed', policy, [...readProblems, ...problems]);
  }
  return withDefaults(demoEnabled ? 'demo' : 'none', demoEnabled ? DEMO_POLICY : {}, readProblems);
}

function withDefaults(
  source: PolicySource,
  policy: Policy,
  problems: readonly PolicyProblem[],
): EffectivePolicy {
  const expiresAt = policy.exemption?.expiresAt;
  const redaction = policy.redaction ?? {};
  return {
    source,
    programName: policy.programName,
    notice: policy.notice ?? {},
    captureActive: policy.captureActive,
    exemption: {
      status: policy.exemption?.status ?? 'none',
      category: policy.exemption?.category,
      expiresAt: expiresAt === undefined ? undefined : Date.parse(expiresAt),
    },
    pause: {
      maxMinutes: policy.pause?.maxMinutes ?? DEFAULT_MAX_PAUSE_MINUTES,
      dailyBudgetMinutes: policy.pause?.dailyBudgetMinutes,
      cooldownMinutes: policy.pause?.cooldownMinutes ?? 0,
      allowPauseAgain: policy.pause?.allowPauseAgain ?? true,
    },
    exemptionRequests: {
      endpoint: policy.exemptionRequests?.endpoint,
      email: policy.exemptionRequests?.email,
      timeoutSeconds: policy.exemptionRequests?.timeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS,
    },
    captureOffSites: policy.captureOffSites ?? [],
    // Redaction is on unless the policy turns a category off by name.
    redaction: {
      'national-id': redaction.nationalId ?? true,
      health: redaction.health ?? true,
      financial: redaction.financial ?? true,
      credential: redaction.credential ?? true,
      confidential: redaction.confidential ?? true,
    },
    shield: {
      fields: policy.shield?.fields ?? true,
      // Blurring a whole document the user is reading is a strong measure: only by policy.
      confidentialDocuments: policy.shield?.confidentialDocuments ?? false,
    },
    agent: { nativeHost: policy.agent?.nativeHost, controlUrl: policy.agent?.controlUrl },
    problems,
  };
}

let compiled: { key: string; regex: RegExp } | undefined;

/** Whether the policy declares capture off on this page's URL. */
export function isCaptureOffSite(policy: EffectivePolicy, url: string | undefined): boolean {
  if (url === undefined || policy.captureOffSites.length === 0) return false;
  const key = policy.captureOffSites.join('\n');
  if (compiled?.key !== key) compiled = { key, regex: patternToRegex(...policy.captureOffSites) };
  // A pattern without a port matches every port (as in the browser); webext-patterns only
  // matches URLs without one, so test the URL with its port removed as well.
  return compiled.regex.test(url) || compiled.regex.test(withoutPort(url));
}

function withoutPort(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.port === '') return url;
    parsed.port = '';
    return parsed.href;
  } catch {
    return url;
  }
}
