import type { SimResponse } from '../response.js';
import type { SimAccount, TuxCareSimState } from './state.js';

/** What a route handler gets: the merged query/form arguments, the state, the verified account, the clock. */
export interface TuxCareCall {
  args: URLSearchParams;
  state: TuxCareSimState;
  /** The account of a verified token (routes without a token get the demo account's view). */
  account: SimAccount;
  now: number;
}

/** One documented route. */
export interface TuxCareRouteSpec {
  /** Methods the documents give for this route. */
  methods: readonly string[];
  /** False for status and the Nagios calls, which take no token. */
  token: boolean;
  handle: (call: TuxCareCall) => SimResponse;
}
