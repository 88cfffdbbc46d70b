import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { PolicySchema } from '@/utils/policy/policy-schema';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

/** The part of a schema both sides must agree on: property names, nesting and JSON types. */
function skeleton(schema: JsonSchema): unknown {
  if (schema.properties) {
    return Object.fromEntries(
      Object.entries(schema.properties)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => [key, skeleton(value)]),
    );
  }
  if (schema.items) return [skeleton(schema.items)];
  // Chromium's "number" accepts integers too; zod's integer checks become "integer".
  return schema.type;
}

describe('public/managed_schema.json', () => {
  const managed = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../../public/managed_schema.json'), 'utf8'),
  ) as JsonSchema;

  it('mirrors the zod policy schema: same settings, same nesting, same types', () => {
    const fromZod = z.toJSONSchema(PolicySchema, { unrepresentable: 'any' }) as JsonSchema;
    expect(skeleton(managed)).toEqual(skeleton(fromZod));
  });

  it('follows Chromium’s rules for extension policy schemas', () => {
    expect(managed.type).toBe('object');
    expect(managed).not.toHaveProperty('additionalProperties');
    const visit = (schema: JsonSchema): void => {
      expect(['object', 'array', 'string', 'number', 'integer', 'boolean']).toContain(schema.type);
      Object.values(schema.properties ?? {}).forEach(visit);
      if (schema.items) visit(schema.items);
    };
    visit(managed);
  });
});
