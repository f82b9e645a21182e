/** The mcpb CLI's entry script (run it with `node`). */
export function mcpbEntry(): string;
/** Builds the MCPB bundle of @x/mcp-server from this checkout; resolves with the .mcpb file's path. */
export function buildBundle(output?: string): Promise<string>;
