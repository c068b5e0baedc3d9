// The "Node hello world" partner of the trivial-GET row: node's own http module, a fixed small JSON answer.
import http from 'node:http';
const body = '{"status":"UP","checks":[]}';
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT || 4091), '127.0.0.1');
