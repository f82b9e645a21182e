// Credentials for every vendor, shared by the benchmarks that start the MCP server: nothing is contacted before
// a tool call, so every tool is listed as in production (sandbox mode would add the simulators' start).
export const BENCH_SETTINGS = {
  TUXCARE_LOGIN: 'bench',
  TUXCARE_SECRET_KEY: 'bench-secret',
  LUNANODE_API_ID: 'benchbenchbench1',
  LUNANODE_API_KEY: 'k'.repeat(128),
  ISPMANAGER_URL: 'https://127.0.0.1:1500/ispmgr',
  ISPMANAGER_USERNAME: 'bench',
  ISPMANAGER_PASSWORD: 'bench',
  VMMANAGER_URL: 'https://127.0.0.1:1501',
  VMMANAGER_EMAIL: 'bench@example.invalid',
  VMMANAGER_PASSWORD: 'bench',
};
