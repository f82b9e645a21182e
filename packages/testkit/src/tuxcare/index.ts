// The TuxCare / CloudLinux CLN simulator: written from the vendor documents, independent of @x/tuxcare.
export type { TuxCareCall as TuxCareSimCall, TuxCareRouteSpec as TuxCareSimRoute } from './context.js';
export { TUXCARE_IP_LICENSE_TYPES } from './licenses.js';
export {
  TOKEN_LIFETIME_SECONDS as TUXCARE_TOKEN_LIFETIME_SECONDS,
  verifyToken as verifyTuxCareToken,
} from './protocol.js';
export {
  createTuxCareSimulator,
  type TuxCareSimulator,
  type TuxCareSimulatorOptions,
  tuxcareSandbox,
} from './simulator.js';
export {
  seedTuxCareState,
  TUXCARE_DEMO_ACCOUNT,
  TUXCARE_DEMO_CALLER_IP,
  type TuxCareSimState,
} from './state.js';
