// The four vendor simulators of @x/testkit in a process of their own, so the server's CPU time never counts
// as the client's. The parent talks to it over IPC: it gets the simulators' URLs and client settings once,
// and may ask for the tail of a simulator's request log (to prove both sides sent the same wire request). It
// exits when the parent disconnects.
import { ispmanagerSandbox, lunanodeSandbox, tuxcareSandbox, vmmanagerSandbox } from '@x/testkit';

const entries = [tuxcareSandbox, lunanodeSandbox, ispmanagerSandbox, vmmanagerSandbox];
const sims = new Map();
for (const entry of entries) sims.set(entry.name, await entry.create().start());

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
    entries.map((entry) => [
      entry.name,
      { url: sims.get(entry.name).url, settings: entry.settings(sims.get(entry.name).url) },
    ]),
  ),
});
