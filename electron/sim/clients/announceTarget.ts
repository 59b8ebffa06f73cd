// The GET request target a client puts on the wire, in Transmission's parameter order (the seed's
// capture): info_hash, peer_id, port, uploaded, downloaded, corrupt, left, compact, numwant, key, event.
import { percentEncodeBytes } from '../../../shared/bytes';
import type { ClientProfile } from '../../../shared/sim/profiles';
import type { AnnounceEventName } from '../../../shared/tracker/events';

export interface AnnounceFields {
  passkey: string | null;
  infoHash: Uint8Array;
  peerId: Uint8Array;
  port: number;
  uploaded: number;
  downloaded: number;
  left: number;
  key: string | null;
  trackerId: string | null;
  event: AnnounceEventName;
}

export function announceTarget(profile: ClientProfile, f: AnnounceFields): string {
  const path = f.passkey === null ? '/announce' : `/${f.passkey}/announce`;
  let q = `info_hash=${percentEncodeBytes(f.infoHash)}&peer_id=${percentEncodeBytes(f.peerId)}&port=${f.port}`;
  q += `&uploaded=${f.uploaded}&downloaded=${f.downloaded}`;
  if (profile.sendsCorrupt) q += '&corrupt=0';
  q += `&left=${f.left}&compact=${profile.compact}`;
  if (profile.numwant !== null) q += `&numwant=${profile.numwant}`;
  if (profile.noPeerId) q += '&no_peer_id=1';
  if (f.key !== null) q += `&key=${f.key}`;
  if (f.trackerId !== null) q += `&trackerid=${percentEncodeBytes(new TextEncoder().encode(f.trackerId))}`;
  if (f.event !== 'none') q += `&event=${f.event}`;
  return `${path}?${q}`;
}
