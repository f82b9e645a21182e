export { CONTROL_PATH as SANDBOX_CONTROL_PATH } from './control.js';
export { createEchoSimulator } from './echo.js';
export type { Fault, FaultInjector, FaultMatch, FaultOptions } from './faults.js';
export * from './ispmanager/index.js';
export * from './lunanode/index.js';
export { unusedPort } from './ports.js';
export { createProxy, type ProxyLogEntry, type ProxyServer } from './proxy.js';
export type { SimRequest } from './request.js';
export type { SimResponse } from './response.js';
export {
  SANDBOX_PORT_BASE,
  type Sandbox,
  type SandboxCreateOptions,
  type SandboxEntry,
  type SandboxOptions,
  type SandboxSettingsContext,
  type SandboxSimulator,
  sandboxSimulators,
  startSandbox,
} from './sandbox.js';
export {
  caEnvironment,
  type SandboxCa,
  type SandboxReportInput,
  sandboxBanner,
  sandboxJson,
} from './sandbox-report.js';
export {
  createSimulator,
  type RequestRecord,
  type SimContext,
  type SimHandler,
  type Simulator,
  type SimulatorOptions,
  type SimulatorStats,
  type StartOptions,
} from './simulator.js';
export { otherCertificate, type TestCertificate, testCertificate } from './tls.js';
export * from './tuxcare/index.js';
export * from './vendor-fixtures/index.js';
export * from './vmmanager/index.js';
