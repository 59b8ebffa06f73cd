// Free loopback ports for the real clients (their peer, RPC and DHT sockets). The kernel picks one
// by binding port 0; it is released at once, so a port is asked for only just before its client starts.
import dgram from 'node:dgram';
import net from 'node:net';

function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function udpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/** `count` distinct ports free for TCP and UDP on 127.0.0.1 (clients may use both on one number). */
export async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freeTcpPort();
    if (!ports.includes(port) && (await udpPortIsFree(port))) ports.push(port);
  }
  return ports;
}
