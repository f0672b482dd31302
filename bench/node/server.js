// Node.js `ws` baseline: every text frame is broadcast to every connection on the same path
// (the path is the room). GET /__heap answers the heap in use after a full GC (run node with
// --expose-gc). Usage: node --expose-gc server.js PORT
'use strict';
const http = require('http');
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || 9001);
const rooms = new Map();

const server = http.createServer((req, res) => {
  if (req.url === '/__heap' && typeof global.gc === 'function') {
    global.gc();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ heapUsed: process.memoryUsage().heapUsed }));
    return;
  }
  res.writeHead(404);
  res.end();
});

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 16 * 1024 });

server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => {
    const path = req.url;
    let room = rooms.get(path);
    if (!room) {
      room = new Set();
      rooms.set(path, room);
    }
    room.add(ws);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      for (const peer of room) {
        if (peer.readyState === 1) peer.send(data, { binary: false });
      }
    });
    ws.on('close', () => room.delete(ws));
    ws.on('error', () => {});
  });
});

server.listen(port, '127.0.0.1', () => console.log(`node ws broadcast listening on ${port}`));
