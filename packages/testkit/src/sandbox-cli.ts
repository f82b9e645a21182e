#!/usr/bin/env node
// `x-sandbox`: runs every registered simulator until Ctrl+C.
import { sandboxBanner, startSandbox } from './sandbox.js';

const sandbox = await startSandbox();
process.stdout.write(sandboxBanner(sandbox.simulators));

let stopping = false;
const shutdown = (): void => {
  // A second Ctrl+C means the clean stop is stuck; do not make the user reach for kill -9.
  if (stopping) process.exit(130);
  stopping = true;
  sandbox.stop().then(
    // Signal listeners do not hold the event loop, so the process exits once the servers are closed.
    () => undefined,
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
