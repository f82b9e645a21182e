// The LunaNode Dynamic API simulator: a stateful loopback server written from the vendor document.
export {
  LUNANODE_AUTH_FAILURE,
  type LunaNodeCredential,
} from './auth.js';
export {
  createLunaNodeSimulator,
  LUNANODE_DEMO_API_ID,
  LUNANODE_DEMO_API_KEY,
  type LunaNodeSimulatorOptions,
  lunanodeSandbox,
} from './simulator.js';
export type {
  LunaNodeState,
  SimFloatingIp as LunaNodeSimFloatingIp,
  SimImage as LunaNodeSimImage,
  SimVm as LunaNodeSimVm,
  SimVolume as LunaNodeSimVolume,
} from './state.js';
export { seedLunaNodeState } from './state.js';
