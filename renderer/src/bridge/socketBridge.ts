// The browser-mode transport: the same messages over a WebSocket to the Node process that runs the
// engine. Requests carry an id; the server echoes it in the reply. Reconnects if the socket drops.
import type {
  EngineBridge,
  EngineMessage,
  EngineReply,
  EngineRequest,
  SocketServerFrame,
} from '../../../shared/bridge';

export function socketBridge(url: string, onConnection: (state: 'open' | 'closed') => void): EngineBridge {
  const listeners = new Set<(message: EngineMessage) => void>();
  const waiting = new Map<number, (reply: EngineReply) => void>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket;

  const open = (): void => {
    socket = new WebSocket(url);
    socket.onopen = () => {
      onConnection('open');
      for (const frame of queue.splice(0)) socket.send(frame);
    };
    socket.onmessage = (ev: MessageEvent<string>) => {
      const frame = JSON.parse(ev.data) as SocketServerFrame;
      if (frame.kind === 'reply') {
        const { kind: _kind, id, ...reply } = frame;
        waiting.get(id)?.(reply as EngineReply);
        waiting.delete(id);
        return;
      }
      for (const listener of listeners) listener(frame);
    };
    socket.onclose = () => {
      onConnection('closed');
      for (const [id, resolve] of waiting) {
        resolve({ ok: false, error: 'the connection to the engine was lost' });
        waiting.delete(id);
      }
      setTimeout(open, 1000);
    };
  };
  open();

  return {
    request(request: EngineRequest): Promise<EngineReply> {
      const id = nextId++;
      const frame = JSON.stringify({ id, request });
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        if (socket.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
