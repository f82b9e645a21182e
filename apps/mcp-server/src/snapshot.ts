import { needsConfirmation } from './confirm.js';
import { toolInputSchema } from './schema.js';
import { buildToolSpecs } from './tools.js';
import { vendorModules } from './vendors.js';

/** One tool as the snapshot records it. */
export interface ToolSnapshot {
  name: string;
  toolset: string;
  title: string;
  description: string;
  inputSchema: Record<string, unknown>;
  annotations: Record<string, unknown>;
}

/** Every tool of every vendor as a single-account server with the default confirmation mode lists it. */
export function buildToolSnapshot(): ToolSnapshot[] {
  return buildToolSpecs(vendorModules).map((tool) => ({
    name: tool.name,
    toolset: tool.toolset,
    title: tool.title,
    description: tool.description,
    inputSchema: toolInputSchema(tool, [], needsConfirmation(tool, 'destructive')),
    annotations: { ...tool.annotations },
  }));
}
