// The four vendor simulators of @x/testkit in a process of their own, so the server's CPU time never counts
// as the client's. The parent talks to it over IPC: it gets the simulators' URLs and client settings once,
// and may ask for the tail of a simulator's request log (to prove both sides sent the same wire request). It
// exits when the parent disconnects.
import { VENDOR_FIXTURES } from '@x/testkit';

// Each vendor's test fixture: the simulator every test layer uses, and its demo settings.
const sims = new Map();
for (const fixture of VENDOR_FIXTURES) sims.set(fixture.id, await fixture.simulator().start());

process.on('message', (message) => {
  if (message.type === 'log') {
    const log = sims.get(message.vendor).log;
    process.send({ id: message.id, records: log.slice(-message.count) });
  }
});
process.on('disconnect', async () => {
  await Promise.all([...sims.values()].map((sim) => sim.stop()));
  process.exit(0);
});

process.send({
  type: 'ready',
  vendors: Object.fromEntries(
    VENDOR_FIXTURES.map((fixture) => [
      fixture.id,
      { url: sims.get(fixture.id).url, settings: fixture.settings(sims.get(fixture.id).url) },
    ]),
  ),
});
