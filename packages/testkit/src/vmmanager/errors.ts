/** The simulator's error answers: `{"error": {code, msg, value?}}` with an HTTP status, thrown from any route. */
import type { SimResponse } from '../response.js';

/** Error codes the simulator answers (3001 and 22013 are from the document; the others are its own choice). */
export const VM_ERROR = {
  invalidToken: 1000,
  externalAccess: 3001,
  notFound: 2004,
  badRequest: 4000,
  conflict: 4009,
  invalidPassword: 22013,
} as const;

/** A refusal on its way to the caller: the router turns it into {@link errorResponse}. */
export class VmFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly value?: unknown,
  ) {
    super(message);
  }
}

export const fail = (status: number, code: number, msg: string, value?: unknown): never => {
  throw new VmFailure(status, code, msg, value);
};
export const notFound = (what: string, id: unknown): never =>
  fail(404, VM_ERROR.notFound, `${what} not found`, { id: String(id) });
export const badRequest = (msg: string, field?: string): never =>
  fail(400, VM_ERROR.badRequest, msg, field === undefined ? undefined : { field });

export function errorResponse(failure: VmFailure): SimResponse {
  return {
    status: failure.status,
    body: {
      error: {
        code: failure.code,
        msg: failure.message,
        ...(failure.value !== undefined && { value: failure.value }),
      },
    },
  };
}
