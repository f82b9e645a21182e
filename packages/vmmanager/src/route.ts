/** The VMmanager-specific part of an endpoint declaration: how a validated input becomes an HTTP request. */
export interface VmRoute {
  /** VMmanager uses GET, POST (create, update and actions) and DELETE. */
  method: 'GET' | 'POST' | 'DELETE';
  /**
   * Path below the base URL, e.g. `/vm/v3/host/{host_id}/start`. Each `{name}` is replaced by the input field
   * `name` (URL-encoded), which is then not sent again.
   */
  path: string;
  /**
   * Input field → wire name, where the two differ. Inputs use the vendor's names wherever they can (the owner
   * field is `account`, as VMmanager calls it; the MCP server maps its own control fields around it).
   */
  wireNames?: Readonly<Record<string, string>> | undefined;
  /** Input fields sent in the query string (GET and DELETE send every remaining field there anyway). */
  query?: readonly string[] | undefined;
  /** A list endpoint: `where`, `orderby` and `limit` are encoded as VMmanager filters. */
  filter?: boolean | undefined;
  /**
   * Reads one element through the filtered list (`GET /vm/v3/host/{id}` is partial): the input field named here
   * becomes `where=(id EQ value)` and the answer is the first element, or a NotFoundError.
   */
  lookup?: string | undefined;
  /** Public auth routes are called without a token. */
  public?: boolean | undefined;
  /** Sends `isp-box-instance: true`, as the document does for the key flow. */
  boxInstance?: boolean | undefined;
  /** Not an HTTP call: handled by the client (`task.wait` polls `task.list`). */
  pseudo?: 'task.wait' | undefined;
}

import { type Endpoint, type EndpointDefinition, endpoint } from '@x/auth-core';
import type { z } from 'zod';

/** Declares a VMmanager endpoint (the route type checked). */
export function vmEndpoint<I extends z.ZodType, O extends z.ZodType>(
  definition: EndpointDefinition<VmRoute, I, O>,
): Endpoint<VmRoute, I, O> {
  return endpoint(definition);
}
