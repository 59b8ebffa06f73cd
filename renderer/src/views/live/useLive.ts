// Live mode's state in the panel: what the engine says (getLive on mount and on every new session),
// and the requests that change it. The engine owns live mode; this only asks and shows.
import { useCallback, useEffect, useState } from 'react';
import type { CreatedTorrentInfo, EngineRequest, LiveInfo } from '../../../../shared/bridge';
import { useApp, useAppState } from '../../store/context';

export interface LiveControls {
  info: LiveInfo | null;
  busy: boolean;
  setLive(enabled: boolean, host: string, port: number): Promise<void>;
  makeTorrent(path: string, announce: string): Promise<CreatedTorrentInfo | null>;
}

export function useLive(): LiveControls {
  const { bridge, store } = useApp();
  const sessionId = useAppState((s) => s.session?.id ?? 0);
  const [info, setInfo] = useState<LiveInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const ask = useCallback(
    async (request: EngineRequest): Promise<unknown> => {
      const reply = await bridge.request(request);
      if (!reply.ok) {
        store.setState({ notice: { text: reply.error, kind: 'error' } });
        return null;
      }
      return reply.value;
    },
    [bridge, store],
  );

  useEffect(() => {
    let current = true;
    void ask({ kind: 'getLive' }).then((value) => {
      if (current && value) setInfo(value as LiveInfo);
    });
    return () => {
      current = false;
    };
  }, [ask, sessionId]);

  const setLive = async (enabled: boolean, host: string, port: number): Promise<void> => {
    setBusy(true);
    try {
      const value = await ask(
        enabled ? { kind: 'setLive', enabled, host, port } : { kind: 'setLive', enabled },
      );
      if (value) setInfo(value as LiveInfo);
    } finally {
      setBusy(false);
    }
  };

  const makeTorrent = async (path: string, announce: string): Promise<CreatedTorrentInfo | null> => {
    setBusy(true);
    try {
      const value = await ask({
        kind: 'createTorrent',
        path,
        ...(announce.trim() ? { announce: announce.trim() } : {}),
      });
      return (value as CreatedTorrentInfo | null) ?? null;
    } finally {
      setBusy(false);
    }
  };

  return { info, busy, setLive, makeTorrent };
}
