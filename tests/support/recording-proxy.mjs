// An HTTP proxy on 127.0.0.1 that keeps a copy of every request the browser sends through it
// (URL, headers and body) and forwards plain-HTTP ones; HTTPS tunnels are logged by host and
// refused (the tests run offline). Chromium is pointed at it with --proxy-server and
// --proxy-bypass-list=<-loopback>, so even requests to 127.0.0.1 pass through: the leak audit
// reads everything the browser, and so the extension, sent.
import { createServer, request as forward } from 'node:http';

/** Starts the proxy; resolves to { port, args, seen, close }. */
export function startRecordingProxy() {
  const seen = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: JSON.stringify(req.headers),
        body: body.toString('utf8'),
      });
      let target;
      try {
        target = new URL(req.url ?? '');
      } catch {
        res.writeHead(400).end();
        return;
      }
      const headers = { ...req.headers };
      delete headers['proxy-connection'];
      const upstream = forward(
        {
          hostname: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method: req.method,
          headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      upstream.end(body);
    });
  });
  server.on('connect', (req, socket) => {
    seen.push({ method: 'CONNECT', url: req.url ?? '', headers: '', body: '' });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({
        port,
        args: [`--proxy-server=http://127.0.0.1:${port}`, '--proxy-bypass-list=<-loopback>'],
        seen,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done(undefined));
          }),
      });
    });
  });
}
