// Per user (private trackers): the credited totals and snatch count the user's profile shows,
// beside what the user's clients really moved and finished. Long lists grow with "show more".
import { useState } from 'react';
import { formatBytes } from '../../../../shared/units';
import type { UserTruthRow } from '../../../../shared/views/userRows';

const PAGE = 100;

interface Column {
  id: string;
  /** The header above this column (columns of one group are adjacent). */
  group: string;
  label: string;
  tooltip: string;
  text(u: UserTruthRow): string;
  /** Why this cell disagrees with the truth, or null. */
  flag(u: UserTruthRow): string | null;
}

function gap(credited: number, real: number, what: string): string | null {
  if (credited === real) return null;
  return credited < real
    ? `${formatBytes(real - credited)} ${what} not credited (yet, or lost)`
    : `${formatBytes(credited - real)} more ${what} credited than really moved`;
}

const columns: Column[] = [
  {
    id: 'name',
    group: '',
    label: 'User',
    tooltip: 'A tracker account, identified by its passkey.',
    text: (u) => u.name,
    flag: () => null,
  },
  {
    id: 'clients',
    group: '',
    label: 'Clients',
    tooltip: 'Simulated clients announcing with this user’s passkey.',
    text: (u) => String(u.clients),
    flag: () => null,
  },
  {
    id: 'listed',
    group: '',
    label: 'Seeding / leeching',
    tooltip:
      'What the user’s profile shows as “currently seeding / leeching”: clients the tracker lists now.',
    text: (u) => `${u.seeding} / ${u.leeching}`,
    flag: () => null,
  },
  {
    id: 'credited-up',
    group: 'Uploaded',
    label: 'Credited',
    tooltip: 'Upload the tracker has credited to this user (the profile’s total).',
    text: (u) => formatBytes(u.creditedUploaded),
    flag: (u) => gap(u.creditedUploaded, u.trueUploaded, 'upload'),
  },
  {
    id: 'true-up',
    group: 'Uploaded',
    label: 'Really',
    tooltip: 'What the user’s clients really uploaded.',
    text: (u) => formatBytes(u.trueUploaded),
    flag: () => null,
  },
  {
    id: 'credited-down',
    group: 'Downloaded',
    label: 'Credited',
    tooltip: 'Download the tracker has credited to this user (the profile’s total).',
    text: (u) => formatBytes(u.creditedDownloaded),
    flag: (u) => gap(u.creditedDownloaded, u.trueDownloaded, 'download'),
  },
  {
    id: 'true-down',
    group: 'Downloaded',
    label: 'Really',
    tooltip: 'What the user’s clients really downloaded.',
    text: (u) => formatBytes(u.trueDownloaded),
    flag: () => null,
  },
  {
    id: 'snatches',
    group: 'Completed downloads',
    label: 'Snatches',
    tooltip: 'Completed downloads the tracker counted (one per event=completed, by its snatch rule).',
    text: (u) => String(u.snatches),
    flag: (u) =>
      u.snatches > u.finished
        ? `${u.snatches - u.finished} more snatch(es) counted than downloads finished (completed re-sent?)`
        : u.snatches < u.finished
          ? `${u.finished - u.snatches} finished download(s) not counted (completed never arrived)`
          : null,
  },
  {
    id: 'finished',
    group: 'Completed downloads',
    label: 'Really',
    tooltip:
      'The user’s clients that really finished a download (they downloaded something and have nothing left).',
    text: (u) => String(u.finished),
    flag: () => null,
  },
];

const groupTip: Record<string, string> = {
  Uploaded: 'The upload the tracker credited to the user beside what the user’s clients really uploaded.',
  Downloaded:
    'The download the tracker credited to the user beside what the user’s clients really downloaded.',
  'Completed downloads':
    'Snatches the tracker counted beside the downloads the user’s clients really finished.',
};

const groups: { label: string; span: number }[] = [];
for (const c of columns) {
  const last = groups[groups.length - 1];
  if (last && last.label === c.group && c.group !== '') last.span++;
  else groups.push({ label: c.group, span: 1 });
}

export function UserTable({ users }: { users: readonly UserTruthRow[] }) {
  const [shown, setShown] = useState(PAGE);
  return (
    <div className="user-table-wrap">
      <table
        className="tl-table user-table"
        aria-label="Per user: the tracker’s credited totals beside the truth"
      >
        <caption title="Private trackers keep per-user totals; they move only when an announce is credited.">
          Users ({users.length})
        </caption>
        <thead>
          <tr>
            {groups.map((g, i) => (
              <th
                key={i}
                scope={g.label ? 'colgroup' : undefined}
                colSpan={g.span}
                className={g.label ? 'group' : undefined}
                title={groupTip[g.label] ?? ''}
              >
                {g.label}
              </th>
            ))}
          </tr>
          <tr>
            {columns.map((c) => (
              <th key={c.id} scope="col" title={c.tooltip} className={c.id === 'name' ? undefined : 'num'}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {users.slice(0, shown).map((u) => (
            <tr key={u.name} data-testid={`user-row-${u.name}`}>
              {columns.map((c) => {
                const flag = c.flag(u);
                const cls = `${c.id === 'name' ? '' : 'num'}${flag ? ' flagged' : ''}`;
                return (
                  <td
                    key={c.id}
                    className={cls}
                    title={flag ?? c.tooltip}
                    data-testid={`user-${c.id}-${u.name}`}
                  >
                    {c.text(u)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {users.length > shown && (
        <button
          type="button"
          className="show-more"
          onClick={() => setShown((n) => n + PAGE)}
          data-testid="users-show-more"
        >
          Show {Math.min(PAGE, users.length - shown)} more of {users.length - shown}
        </button>
      )}
    </div>
  );
}
