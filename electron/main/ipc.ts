// The IPC glue: one handled channel for requests, one pushed channel for engine messages. Every request
// is checked twice before it reaches the engine host: who sent it (the app's own top frame only, as
// VS Code's validatedIpcMain does) and what it is (engineRequestSchema). Bad input gets an error reply.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  engineRequestSchema,
  IPC_MESSAGE_CHANNEL,
  IPC_REQUEST_CHANNEL,
  type EngineMessage,
  type EngineReply,
  type EngineRequest,
} from '../../shared/bridge';
import { describeIssues } from '../../shared/tracker/settings';
import type { UrlPolicy } from './origin';

/** What the IPC layer needs from the engine host (EngineHost satisfies it). */
export interface ConnectableHost {
  connect(connection: { send(message: EngineMessage): void }): {
    request(request: unknown): Promise<EngineReply>;
    close(): void;
  };
}

export interface IpcRegistration {
  /** Sends a request through a window's own host connection (the menu uses it). */
  request(contents: WebContents, request: EngineRequest): Promise<EngineReply>;
  /** Removes the handler and closes every connection. */
  dispose(): void;
}

type Connection = ReturnType<ConnectableHost['connect']>;

/** Why a request's sender is refused, or null when it is the app's own top-level page. */
export function senderProblem(event: IpcMainInvokeEvent, isAllowedSender: UrlPolicy): string | null {
  const frame = event.senderFrame;
  // Null when the frame navigated away or was destroyed before the request was handled.
  if (!frame) return 'the sender frame is gone';
  let url: string;
  try {
    // Only the top frame has no parent (VS Code's check; it does not rely on WebFrameMain identity).
    if (frame.parent !== null) return 'requests from subframes are refused';
    url = frame.url;
  } catch {
    return 'the sender frame is gone';
  }
  if (!isAllowedSender(url)) return `requests from ${JSON.stringify(url)} are refused`;
  return null;
}

export function registerIpc(
  ipcMain: IpcMain,
  host: ConnectableHost,
  isAllowedSender: UrlPolicy,
): IpcRegistration {
  const connections = new Map<WebContents, Connection>();

  const watched = new WeakSet<WebContents>();

  const drop = (contents: WebContents): void => {
    connections.get(contents)?.close();
    connections.delete(contents);
  };

  const watch = (contents: WebContents): void => {
    if (watched.has(contents)) return;
    watched.add(contents);
    contents.once('destroyed', () => drop(contents));
    // A reload or a new page is a new view: it starts over with its own hello.
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) drop(contents);
    });
  };

  /** One connection per window, opened on its first request and closed with it. */
  const connectionFor = (contents: WebContents): Connection => {
    const existing = connections.get(contents);
    if (existing) return existing;
    const connection = host.connect({
      send: (message) => {
        if (!contents.isDestroyed()) contents.send(IPC_MESSAGE_CHANNEL, message);
      },
    });
    connections.set(contents, connection);
    watch(contents);
    return connection;
  };

  const forward = async (contents: WebContents, request: unknown): Promise<EngineReply> => {
    if (contents.isDestroyed()) return { ok: false, error: 'the window is closed' };
    try {
      return await connectionFor(contents).request(request);
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };

  ipcMain.handle(IPC_REQUEST_CHANNEL, async (event, ...args: unknown[]): Promise<EngineReply> => {
    const problem = senderProblem(event, isAllowedSender);
    if (problem !== null) return { ok: false, error: `request refused: ${problem}` };
    if (args.length !== 1) return { ok: false, error: `request: expected one argument, got ${args.length}` };
    const parsed = engineRequestSchema.safeParse(args[0]);
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error, 'request') };
    return forward(event.sender, parsed.data);
  });

  return {
    request: (contents, request) => forward(contents, request),
    dispose: () => {
      ipcMain.removeHandler(IPC_REQUEST_CHANNEL);
      for (const contents of [...connections.keys()]) drop(contents);
    },
  };
}
