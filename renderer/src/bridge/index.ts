// Exactly two bridge implementations; which one depends on the shell the UI runs in.
import type { EngineBridge } from '../../../shared/bridge';
import { electronBridge } from './electronBridge';
import { socketBridge } from './socketBridge';

export function connectBridge(onConnection: (state: 'open' | 'closed') => void): EngineBridge {
  if (window.trackerLab) {
    onConnection('open');
    return electronBridge(window.trackerLab);
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return socketBridge(`${scheme}://${location.host}/bridge`, onConnection);
}
