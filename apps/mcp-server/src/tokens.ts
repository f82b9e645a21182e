import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

/** o200k tokens of a tool definition as tools/list sends it (compact JSON): what it costs in context. */
export function toolTokens(tool: Tool): number {
  return countTokens(JSON.stringify(tool));
}
