// Benchmark child: the UDP baseline. A bare node:dgram socket that answers a connect with a fixed
// connection id and every other packet with a fixed announce answer of `--peers` IPv4 peers, the
// transaction id copied in: the same bytes on the wire as the tracker, with none of its work.
import { createSocket } from 'node:dgram';
import { argValue, cpuSeconds, reply, serveCommands } from './childProtocol';

const peers = Number(argValue('peers', '50'));
const connectAnswer = Buffer.alloc(16);
connectAnswer.writeUInt32BE(0, 0);
connectAnswer.fill(0x5a, 8);
const announceAnswer = Buffer.alloc(20 + 6 * peers);
announceAnswer.writeUInt32BE(1, 0);
announceAnswer.writeUInt32BE(1800, 8);
announceAnswer.writeUInt32BE(70, 12);
announceAnswer.writeUInt32BE(30, 16);
for (let i = 0; i < peers; i++) {
  announceAnswer.set([127, 0, 0, 1], 20 + 6 * i);
  announceAnswer.writeUInt16BE(1024 + i, 24 + 6 * i);
}

const socket = createSocket('udp4');
socket.on('message', (packet, remote) => {
  if (packet.length < 16) return;
  // A copy per answer: a send may still be reading the previous one.
  const answer = Buffer.from(packet.readUInt32BE(8) === 0 ? connectAnswer : announceAnswer);
  packet.copy(answer, 4, 12, 16); // transaction id
  socket.send(answer, remote.port, remote.address);
});
await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));

serveCommands({ stats: () => ({ cpuSeconds: cpuSeconds(), memory: process.memoryUsage() }) });
reply({ ready: true, port: socket.address().port, answerBytes: announceAnswer.length });
