import { needsConfirmation } from './confirm.js';
import { listedTool } from './schema.js';
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
  return buildToolSpecs(vendorModules).map((tool) => {
    const {
      name,
      title = '',
      description = '',
      inputSchema,
      annotations = {},
    } = listedTool(tool, [], needsConfirmation(tool, 'destructive'));
    // The toolset is recorded too, so a tool moving between toolsets shows up in review.
    return { name, toolset: tool.toolset, title, description, inputSchema, annotations };
  });
}
