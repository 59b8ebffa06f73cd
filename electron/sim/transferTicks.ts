// Driving the transfer models: one tick every `network.tick`, progress reported every
// `network.progressEvery` (and whenever a download completes, so the log never shows a finished
// client with bytes still unreported).
import type { SimContext } from './context';
import { downloadCompleted } from './clients/lifecycle';

export function onTransferTick(ctx: SimContext): void {
  const completed: number[] = [];
  const closed = new Map<number, number[]>();
  for (const transfers of ctx.transfers) {
    const r = transfers.tick(ctx.now, ctx.network.tickMs);
    for (let k = 0; k < r.clients.length; k++) {
      const c = ctx.clients[r.clients[k]!]!;
      const up = r.uploaded[k]!;
      const down = r.downloaded[k]!;
      c.trueUploaded += up;
      c.trueDownloaded += down;
      c.sessionUploaded += up;
      c.sessionDownloaded += down;
      c.unreportedUploaded += up;
      c.unreportedDownloaded += down;
      ctx.progressed.add(c.id);
    }
    completed.push(...r.completed);
    for (const [a, b] of r.closedBothSeeding) {
      if (!closed.has(a)) closed.set(a, []);
      closed.get(a)!.push(b);
    }
  }
  if (completed.length > 0) {
    reportProgress(ctx);
    for (const id of completed.sort((a, b) => a - b)) downloadCompleted(ctx, ctx.clients[id]!);
  }
  for (const [clientId, peers] of [...closed].sort((a, b) => a[0] - b[0])) {
    ctx.emit({
      type: 'connectionsClosed',
      t: ctx.now,
      clientId,
      peers: peers.sort((a, b) => a - b),
      reason: 'both-seeding',
    });
  }
  ctx.queue.schedule(ctx.now + ctx.network.tickMs, { kind: 'transferTick' });
}

export function onProgressReport(ctx: SimContext): void {
  reportProgress(ctx);
  ctx.queue.schedule(ctx.now + ctx.network.progressEveryMs, { kind: 'progressReport' });
}

export function reportProgress(ctx: SimContext): void {
  if (ctx.progressed.size === 0) return;
  const ids = [...ctx.progressed].sort((a, b) => a - b);
  ctx.progressed.clear();
  const uploaded: number[] = [];
  const downloaded: number[] = [];
  const left: number[] = [];
  for (const id of ids) {
    const c = ctx.clients[id]!;
    uploaded.push(c.unreportedUploaded);
    downloaded.push(c.unreportedDownloaded);
    left.push(ctx.transfers[c.torrent]!.left(id));
    c.unreportedUploaded = 0;
    c.unreportedDownloaded = 0;
  }
  ctx.emit({ type: 'transfersProgressed', t: ctx.now, clients: ids, uploaded, downloaded, left });
}
