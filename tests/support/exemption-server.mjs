// A stand-in for an organisation's exemption endpoint: answers CORS preflights
// for the extension's origin and then succeeds (/ok), refuses (/refuse), fails
// (/fail) or never answers (/slow). It records the bodies it received.
import { createServer } from 'node:http';

export async function startExemptionServer() {
  const received = [];
  const hanging = new Set();
  const server = createServer((request, response) => {
    const origin = request.headers.origin ?? '*';
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    response.setHeader('Access-Control-Allow-Headers', 'content-type');
    response.setHeader('Access-Control-Allow-Methods', 'POST');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ path: request.url, body: JSON.parse(body || 'null') });
      if (request.url === '/ok') response.writeHead(201).end('{}');
      else if (request.url === '/fail') response.writeHead(503).end('down for maintenance');
      else if (request.url === '/refuse') response.writeHead(403).end('not allowed');
      else hanging.add(response);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
