// A capture service's control endpoint for the HTTPS transport (plain HTTP on loopback, which the
// policy accepts for this machine only): answers the agent protocol, records every request, and
// can be told to fail the first pause requests to exercise Tally's retries.
import { createServer } from 'node:http';

export async function startControlEndpoint({ failPauses = 0 } = {}) {
  const requests = [];
  let pausesToFail = failPauses;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      let body = null;
      try {
        body = JSON.parse(raw);
      } catch {
        // recorded as null
      }
      requests.push({
        at: Date.now(),
        method: req.method,
        path: req.url,
        key: req.headers['idempotency-key'] ?? null,
        cookie: req.headers.cookie ?? null,
        body,
      });
      const reply = (status, messages) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(messages));
      };
      if (body?.type === 'hello') {
        return reply(200, [
          { type: 'hello', protocol: 1 },
          { type: 'status', capturing: true, program: 'Capture Service', modes: ['screenshots'] },
        ]);
      }
      if (body?.type === 'pause' && pausesToFail > 0) {
        pausesToFail--;
        return reply(503, { error: 'busy' });
      }
      if (body?.type === 'pause' || body?.type === 'resume') {
        return reply(200, { type: 'ack', id: body.id });
      }
      return reply(400, { error: 'not the protocol' });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/tally`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
