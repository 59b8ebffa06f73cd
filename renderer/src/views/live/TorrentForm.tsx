// Make a .torrent for a file or folder on the engine's machine, announcing to the live tracker, so
// a class can start seeding within a minute. The path is typed (browser mode has no file dialog).
import { useState } from 'react';
import type { CreatedTorrentInfo } from '../../../../shared/bridge';
import { CopyButton } from './CopyButton';
import type { LiveControls } from './useLive';

export function TorrentForm({ live }: { live: LiveControls }) {
  const [path, setPath] = useState('');
  const [announce, setAnnounce] = useState('');
  const [made, setMade] = useState<CreatedTorrentInfo | null>(null);
  const defaultAnnounce = live.info?.urls[0]?.url ?? null;
  return (
    <form
      className="live-torrent"
      onSubmit={(e) => {
        e.preventDefault();
        void live.makeTorrent(path.trim(), announce).then(setMade);
      }}
    >
      <h3>Make a .torrent</h3>
      <label>
        File or folder (full path on the machine running the engine){' '}
        <input
          type="text"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/home/teacher/lecture-notes"
          spellCheck={false}
          data-testid="torrent-path"
        />
      </label>
      <label>
        Announce URL{' '}
        <input
          type="text"
          value={announce}
          onChange={(e) => setAnnounce(e.target.value)}
          placeholder={defaultAnnounce ?? 'switch live mode on, or type a URL'}
          spellCheck={false}
          data-testid="torrent-announce"
        />
      </label>
      <button type="submit" disabled={live.busy || path.trim() === ''} data-testid="torrent-make">
        Make .torrent
      </button>
      {made && (
        <dl className="live-torrent-result" data-testid="torrent-result">
          <dt>Written to</dt>
          <dd data-testid="torrent-file">{made.file}</dd>
          <dt>Announces to</dt>
          <dd>{made.announce}</dd>
          <dt>Size</dt>
          <dd>
            {made.totalLength} bytes in {made.pieces} pieces of {made.pieceLength} bytes
            {made.private ? ' (private)' : ''}
          </dd>
          <dt>info_hash</dt>
          <dd>
            <code data-testid="torrent-infohash">{made.infoHash}</code>
          </dd>
          <dt>Magnet</dt>
          <dd>
            <code className="live-url" data-testid="torrent-magnet">
              {made.magnet}
            </code>{' '}
            <CopyButton text={made.magnet} testId="torrent-magnet-copy" />
          </dd>
        </dl>
      )}
    </form>
  );
}
