import { type CatalogEntry, type Effect, renderRefs, walkCatalog } from '@x/auth-core';
import {
  effectAnnotations,
  type ToolAnnotations,
  toolName,
  toolsetName,
  type VendorModule,
} from '@x/auth-core/projection';

/** One MCP tool, derived from one catalog endpoint. Nothing here is vendor-specific. */
export interface ToolSpec {
  /** `tuxcare_els_key_create` */
  readonly name: string;
  /** `tuxcare.els` */
  readonly toolset: string;
  readonly vendor: VendorModule;
  readonly entry: CatalogEntry;
  readonly effect: Effect;
  readonly title: string;
  /** The endpoint's summary, cross-references rendered as tool names. */
  readonly summary: string;
  /** Summary and description, cross-references rendered as tool names. */
  readonly description: string;
  readonly annotations: ToolAnnotations;
  /** Not read-only: accepts `dry_run`. */
  readonly mutating: boolean;
  /** Mints or reveals an account credential (declared `credentials` on the endpoint): always confirmed. */
  readonly credential: boolean;
}

/** Tool names every client accepts: no dots, at most 64 characters, lower case. */
export const TOOL_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

function words(path: readonly string[]): string {
  return path.join(' ').replace(/[_-]+/g, ' ');
}

/**
 * Renders a catalog cross-reference (auth-core `ref`) as the tool name of the referenced endpoint: references
 * never leave their catalog, so the vendor is the referring tool's.
 */
export function refToolName(vendor: string): (id: string) => string {
  return (id) => toolName(vendor, { path: id.split('.') });
}

// dry_run and confirmation are explained once, in the server instructions and the field descriptions,
// not repeated in every tool description (they would cost ~15 tokens per tool).
function describe(vendor: string, entry: CatalogEntry): string {
  const parts = [entry.endpoint.summary.trim()];
  if (entry.endpoint.description) parts.push(entry.endpoint.description.trim());
  return renderRefs(parts.join(' '), refToolName(vendor));
}

/** Builds the tool specs of every endpoint of the given vendors, in catalog order. */
export function buildToolSpecs(vendors: readonly VendorModule[]): ToolSpec[] {
  const specs: ToolSpec[] = [];
  const seen = new Map<string, string>();
  for (const vendor of vendors) {
    for (const entry of walkCatalog(vendor.catalog)) {
      const name = toolName(vendor.id, entry);
      if (!TOOL_NAME_PATTERN.test(name)) {
        throw new Error(`tool name "${name}" (${vendor.id} ${entry.id}) does not match ${TOOL_NAME_PATTERN}`);
      }
      const clash = seen.get(name);
      if (clash)
        throw new Error(`tool name "${name}" is produced by both ${clash} and ${vendor.id} ${entry.id}`);
      seen.set(name, `${vendor.id} ${entry.id}`);
      const annotations = effectAnnotations(entry.endpoint);
      const mutating = !annotations.readOnlyHint;
      specs.push({
        name,
        toolset: toolsetName(vendor.id, entry),
        vendor,
        entry,
        effect: entry.endpoint.effect,
        // The short vendor name ("ISPmanager", not "ISPmanager / COREmanager panels"): a title is a label.
        title: `${vendor.title.split(' / ')[0]}: ${words(entry.path)}`,
        summary: renderRefs(entry.endpoint.summary.trim(), refToolName(vendor.id)),
        description: describe(vendor.id, entry),
        annotations,
        mutating,
        credential: (entry.endpoint.credentials?.length ?? 0) > 0,
      });
    }
  }
  return specs;
}
