// Applying an action (from the timeline or a user) to the simulation. Each returns null when it
// applied, or a message saying why it does not apply now.
import type { ActionCommand } from '../../shared/commands';
import { presetSettings } from '../../shared/tracker/presets';
import type { SimContext } from './context';
import { clientByName } from './context';
import { abortRequestsInFlight } from './clients/announcing';
import * as lifecycle from './clients/lifecycle';
import { addGroup } from './population';

export type ActionOutcome = string | null;

const clientActions = {
  pauseClient: lifecycle.pause,
  resumeClient: lifecycle.resume,
  crashClient: lifecycle.crash,
  restartClient: lifecycle.restart,
  quitClient: lifecycle.quit,
  disconnectClient: lifecycle.goOffline,
  reconnectClient: lifecycle.goOnline,
  changeClientIp: lifecycle.changeIp,
  forceAnnounce: lifecycle.forceAnnounce,
} as const;

export async function applyAction(ctx: SimContext, command: ActionCommand): Promise<ActionOutcome> {
  switch (command.type) {
    case 'pauseClient':
    case 'resumeClient':
    case 'crashClient':
    case 'restartClient':
    case 'quitClient':
    case 'disconnectClient':
    case 'reconnectClient':
    case 'changeClientIp':
    case 'forceAnnounce': {
      const c = clientByName(ctx, command.client);
      if (!c) return `no client named "${command.client}"`;
      if (c.lifecycle === 'idle') return `${c.name} has not arrived yet`;
      return clientActions[command.type](ctx, c);
    }
    case 'stopTracker':
      if (!ctx.tracker.isUp()) return 'the tracker is already down';
      abortRequestsInFlight(ctx);
      await ctx.tracker.setUp(false, ctx.now);
      ctx.emit({ type: 'trackerAvailabilityChanged', t: ctx.now, up: false });
      return null;
    case 'startTracker':
      if (ctx.tracker.isUp()) return 'the tracker is already up';
      await ctx.tracker.setUp(true, ctx.now);
      ctx.emit({ type: 'trackerAvailabilityChanged', t: ctx.now, up: true });
      return null;
    case 'restartTracker':
      if (!ctx.tracker.isUp()) return 'the tracker is down (start it instead)';
      abortRequestsInFlight(ctx);
      await ctx.tracker.restart(ctx.now);
      return null;
    case 'setTrackerSettings': {
      const result = ctx.tracker.updateSettings(command.settings, ctx.now);
      return result.ok ? null : result.error;
    }
    case 'applyTrackerPreset': {
      const result = ctx.tracker.updateSettings(presetSettings(command.preset), ctx.now);
      return result.ok ? null : result.error;
    }
    case 'addClients': {
      if (ctx.clients.some((c) => c.group === command.group.name))
        return `a group named "${command.group.name}" exists`;
      if (command.group.torrent !== undefined && !ctx.torrents.some((t) => t.id === command.group.torrent)) {
        return `no torrent with id "${command.group.torrent}"`;
      }
      if (command.group.user !== undefined && !ctx.users.some((u) => u.name === command.group.user)) {
        return `no tracker user named "${command.group.user}"`;
      }
      addGroup(ctx, command.group, ctx.users);
      return null;
    }
    case 'addUser': {
      const result = ctx.tracker.addUser(command.user, ctx.now);
      if (!result.ok) return result.error;
      ctx.users.push(command.user);
      return null;
    }
  }
}
