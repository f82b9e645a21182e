// A minimal keep-alive loopback server for the benchmark, run in its own process so its CPU time does not
// blur the client-side numbers. Prints its port on stdout.
import { createServer } from 'node:http';

const body = JSON.stringify({
  success: true,
  data: { id: 42, name: 'bench', tags: ['a', 'b', 'c'], ok: true },
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('disconnect', () => process.exit(0));
