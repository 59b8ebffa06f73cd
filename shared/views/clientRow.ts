// A client's row as it starts: who it is (from its first event) and everything it has done so far,
// which is nothing. Simulated clients start from `clientCreated`, real ones from their first announce.
import type { ClientRow } from './types';

export type ClientIdentity = Pick<
  ClientRow,
  | 'id'
  | 'name'
  | 'group'
  | 'profile'
  | 'infoHash'
  | 'ip'
  | 'port'
  | 'peerIds'
  | 'key'
  | 'user'
  | 'size'
  | 'uploadCapacity'
  | 'downloadCapacity'
  | 'state'
  | 'stateSince'
  | 'left'
>;

export function newClientRow(identity: ClientIdentity): ClientRow {
  return {
    ...identity,
    trueUploaded: 0,
    trueDownloaded: 0,
    lastAnnounceSent: null,
    nextAnnounceAt: null,
    lastFailure: null,
    connections: new Set(),
    listedEntries: new Set(),
    listedAs: null,
    lastHeard: null,
    lastHeardEvent: null,
    reportedUploaded: 0,
    reportedDownloaded: 0,
    creditedUploaded: 0,
    creditedDownloaded: 0,
  };
}
