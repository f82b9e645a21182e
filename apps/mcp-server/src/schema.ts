import { z } from 'zod';
import type { ToolSpec } from './tools.js';

/** A JSON Schema object as sent in tools/list. */
export type JsonSchema = Record<string, unknown>;

/** Arguments the server adds to vendor inputs. */
export const CONTROL_FIELDS = ['account', 'dry_run', 'confirmation_token'] as const;

/**
 * The tool's inputSchema: the endpoint's zod input converted to JSON Schema (input side of transforms),
 * without the `$schema` line (about 20 tokens per tool that no client needs), plus the control fields.
 */
export function toolInputSchema(
  tool: ToolSpec,
  accountNames: readonly string[],
  confirms: boolean,
): JsonSchema {
  const converted = z.toJSONSchema(tool.entry.endpoint.input, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  const { $schema: _drop, ...schema } = converted;
  const properties = { ...((schema.properties as Record<string, unknown> | undefined) ?? {}) };
  const required = [...((schema.required as string[] | undefined) ?? [])];
  for (const field of CONTROL_FIELDS) {
    if (field in properties) {
      throw new Error(
        `${tool.name}: the vendor input already has a field "${field}", which the server reserves`,
      );
    }
  }
  if (accountNames.length > 1) {
    properties.account = {
      type: 'string',
      enum: [...accountNames],
      description: `Which ${tool.vendor.title} account to use. Required: there is no default.`,
    };
    required.push('account');
  }
  if (tool.mutating) {
    properties.dry_run = {
      type: 'boolean',
      description: 'true: return the exact request that would be sent (secrets redacted) and send nothing.',
    };
  }
  if (confirms) {
    properties.confirmation_token = {
      type: 'string',
      description:
        "The token from this exact call's confirmation preview; repeat the same arguments with it to execute.",
    };
  }
  return {
    ...schema,
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}
