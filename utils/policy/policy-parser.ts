import * as z from 'zod/mini';
import { PolicySchema, type Policy } from './policy-schema';

/** One thing wrong with a policy, worded for the person reading the popup. */
export interface PolicyProblem {
  /** Where, as an administrator would write it: `pause.maxMinutes`, `captureOffSites[2]`. */
  readonly path: string;
  readonly message: string;
}

export interface ParsedPolicy {
  /** The parts that were valid; everything else is left out and takes its default. */
  readonly policy: Policy;
  readonly problems: readonly PolicyProblem[];
}

type AnySchema = z.core.$ZodType;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of settings';
  if (typeof value === 'string') {
    return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  }
  return `${typeof value} ${String(value)}`;
}

function expectedWord(schema: AnySchema): string {
  if (schema instanceof z.ZodMiniObject) return 'a group of settings';
  if (schema instanceof z.ZodMiniArray) return 'a list';
  if (schema instanceof z.ZodMiniBoolean) return 'true or false';
  if (schema instanceof z.ZodMiniNumber) return 'a number';
  return 'text';
}

function unwrap(schema: AnySchema): AnySchema {
  return schema instanceof z.ZodMiniOptional ? unwrap(schema.def.innerType) : schema;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks one value against its schema, keeping every valid part: a group
 * keeps its valid settings, a list its valid items. Returns undefined when
 * nothing of the value can be kept.
 */
function keepValid(
  schema: AnySchema,
  value: unknown,
  path: string,
  problems: PolicyProblem[],
): unknown {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodMiniObject) {
    if (!isRecord(value)) {
      problems.push({
        path: path || '(the whole policy)',
        message: `should be ${expectedWord(inner)}, not ${describeType(value)}`,
      });
      return undefined;
    }
    const shape = inner.def.shape as Record<string, AnySchema>;
    const kept: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const itemPath = path === '' ? key : `${path}.${key}`;
      const itemSchema = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (itemSchema === undefined) {
        problems.push({ path: itemPath, message: 'is not a setting Tally knows; it was ignored' });
        continue;
      }
      const valid = keepValid(itemSchema, item, itemPath, problems);
      if (valid !== undefined) kept[key] = valid;
    }
    return kept;
  }
  if (inner instanceof z.ZodMiniArray) {
    if (!Array.isArray(value)) {
      problems.push({
        path,
        message: `should be ${expectedWord(inner)}, not ${describeType(value)}`,
      });
      return undefined;
    }
    const element = inner.def.element as AnySchema;
    const kept: unknown[] = [];
    value.forEach((item: unknown, index) => {
      const valid = keepValid(element, item, `${path}[${index}]`, problems);
      if (valid !== undefined) kept.push(valid);
    });
    return kept;
  }
  const result = z.safeParse(inner, value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const message =
    issue === undefined || issue.code === 'invalid_type'
      ? `should be ${expectedWord(inner)}, not ${describeType(value)}`
      : issue.message;
  problems.push({ path, message });
  return undefined;
}

/**
 * Reads whatever the browser handed over as managed storage. Never throws:
 * what is wrong becomes a problem, and the rest of the policy still applies.
 */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const problems: PolicyProblem[] = [];
  const kept = keepValid(PolicySchema, raw ?? {}, '', problems);
  // keepValid returns only values its schema accepted, so this parse cannot fail;
  // it is here so the type comes from the schema rather than from a cast.
  const checked = PolicySchema.safeParse(kept ?? {});
  return { policy: checked.success ? checked.data : {}, problems };
}
