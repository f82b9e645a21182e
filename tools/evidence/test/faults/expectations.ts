// The assertions the fault tests share: a call under a fault fails or recovers after an exact number of
// requests, the client or the server still works afterwards, a tool result is an error. They await and then
// assert synchronously (no `.resolves`), so they are safe in concurrent tests that use the global `expect`.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Fault, Simulator } from '@x/testkit';
import { expect } from 'vitest';
import type { ClientRig, McpRig } from './harness.js';
import { ALWAYS, countOf, type EndpointProbe, inject, type Operation } from './support.js';

/** A rejection as the tests inspect it: the typed error with its fields (status, phase, attempts, ...). */
export type FaultError = Error & Record<string, unknown>;

/** Awaits a promise that must reject, and returns the rejection. */
export async function failure(promise: Promise<unknown>): Promise<FaultError> {
  try {
    await promise;
  } catch (error) {
    return error as FaultError;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/**
 * Injects `fault` on every request of the operation's endpoint, makes the call, which must fail, and checks
 * that exactly `requests` requests of that endpoint reached the simulator during it (the retries, or the
 * proof that a create was not repeated). Returns the error for the test's own expectations.
 */
export async function expectFails(
  rig: ClientRig,
  operation: Operation,
  fault: Fault,
  expected: { requests: number },
): Promise<FaultError> {
  const endpoint = rig.vendor[operation];
  const before = countOf(rig.sim, endpoint);
  inject(rig.sim, endpoint, fault, ALWAYS);
  const error = await failure(rig.client[operation]());
  expect(countOf(rig.sim, endpoint) - before, `${operation} requests`).toBe(expected.requests);
  return error;
}

/**
 * Injects `fault` on the next `times` (default 1) requests of the operation's endpoint, makes the call, which
 * must succeed, and checks that exactly `requests` requests of that endpoint reached the simulator during it.
 * Returns the call's result for the test's own expectations.
 */
export async function expectRecovers(
  rig: ClientRig,
  operation: Operation,
  fault: Fault,
  expected: { times?: number; requests: number },
): Promise<unknown> {
  const endpoint = rig.vendor[operation];
  const before = countOf(rig.sim, endpoint);
  inject(rig.sim, endpoint, fault, expected.times);
  const result = await rig.client[operation]();
  expect(result).toBeDefined();
  expect(countOf(rig.sim, endpoint) - before, `${operation} requests`).toBe(expected.requests);
  return result;
}

/** Clears the faults and checks that a read succeeds: no fault may leave the client unusable. */
export async function expectUsable(rig: ClientRig): Promise<void> {
  rig.sim.faults.clear();
  expect(await rig.client.read()).toBeDefined();
}

/**
 * A TLS pin mismatch as the simulator saw it: the handshakes happened (so the check is real), yet not one
 * request, not one decrypted byte, reached the server.
 */
export function expectHandshakesOnly(sim: Simulator<unknown>): void {
  expect(sim.stats.connections).toBeGreaterThanOrEqual(2);
  expect(sim.stats.requests).toBe(0);
  expect(sim.stats.bytesReceived).toBe(0);
}

/** The `error` object of an isError tool result. */
export function toolError(result: CallToolResult): Record<string, unknown> {
  const payload = result.structuredContent as { error?: Record<string, unknown> } | undefined;
  if (!result.isError || !payload?.error)
    throw new Error(`expected an isError result, got ${JSON.stringify(result)}`);
  return payload.error;
}

/**
 * Injects `fault` on every request of `endpoint` and calls its tool once through the MCP server. Returns the
 * result, its tool error (it must be one) and how many requests of the endpoint reached the simulator during
 * the call: the MCP rig's simulator is never reset, so requests are counted from here.
 */
export async function callWithFault(
  rig: McpRig,
  endpoint: EndpointProbe,
  fault: Fault,
): Promise<{ result: CallToolResult; error: Record<string, unknown>; requests: number }> {
  const before = countOf(rig.sim, endpoint);
  inject(rig.sim, endpoint, fault, ALWAYS);
  const result = await rig.mcp.callEndpoint(endpoint);
  return { result, error: toolError(result), requests: countOf(rig.sim, endpoint) - before };
}

/** Clears the faults and checks that the server answers a read normally (on `account` when given). */
export async function expectServesNextCall(rig: McpRig, account?: string): Promise<void> {
  rig.sim.faults.clear();
  const next = await rig.mcp.callEndpoint(rig.vendor.read, account);
  expect(next.isError, JSON.stringify(next.content)).toBeFalsy();
}
