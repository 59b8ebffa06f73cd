// One row per client, virtualised (only the visible rows are in the DOM), sortable by any column;
// cells the tracker has wrong are highlighted, the divergence column says why.
import { useEffect } from 'react';
import type { TruthRow, TruthSort, TruthSortKey } from '../../../../shared/views/truthRows';
import { useVirtualRows } from '../../components/useVirtualRows';
import { groupLabel, sideLabel, truthColumns, type ColumnGroup, type TruthColumn } from './truthColumns';

interface Props {
  rows: readonly TruthRow[];
  sort: TruthSort;
  onSort: (key: TruthSortKey) => void;
  selectedClient: number | null;
  onSelect: (clientId: number) => void;
  /** Body rows hold two lines (the divergence column wraps); header rows one. */
  rowHeight: number;
  headerHeight: number;
}

/** Consecutive columns of one group share a header cell; a group of one is its column's header. */
const groups: { group: ColumnGroup; span: number; only: TruthColumn | null }[] = [];
for (const c of truthColumns) {
  const last = groups[groups.length - 1];
  if (last && last.group === c.group) {
    last.span++;
    last.only = null;
  } else groups.push({ group: c.group, span: 1, only: c });
}

interface HeaderProps {
  column: TruthColumn;
  sort: TruthSort;
  onSort: (key: TruthSortKey) => void;
  rowSpan?: number;
  /** Sticky offset for the second header row. */
  top?: number;
}

function ColumnHeader({ column: c, sort, onSort, rowSpan, top }: HeaderProps) {
  return (
    <th
      scope="col"
      rowSpan={rowSpan}
      aria-sort={ariaSort(sort, c.sort)}
      className={`${c.numeric ? 'num' : ''}${c.side ? ` side-${c.side}` : ''}`}
      title={c.side ? `${c.tooltip} (${sideLabel[c.side]})` : c.tooltip}
      style={top === undefined ? undefined : { top }}
    >
      <button
        type="button"
        className="sort"
        onClick={() => onSort(c.sort)}
        data-testid={`truth-sort-${c.id}`}
      >
        {c.label}
        <span aria-hidden="true">{sort.key === c.sort ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

function ariaSort(sort: TruthSort, key: TruthSortKey): 'ascending' | 'descending' | 'none' {
  if (sort.key !== key) return 'none';
  return sort.descending ? 'descending' : 'ascending';
}

export function TruthTable({ rows, sort, onSort, selectedClient, onSelect, rowHeight, headerHeight }: Props) {
  const virtual = useVirtualRows(rows.length, rowHeight, headerHeight * 2);
  const { start, end, padTop, padBottom } = virtual.window;
  const selectedIndex = selectedClient === null ? -1 : rows.findIndex((r) => r.clientId === selectedClient);
  const { reveal } = virtual;

  // A client selected elsewhere (the graph) scrolls into view.
  useEffect(() => {
    if (selectedIndex >= 0) reveal(selectedIndex);
  }, [selectedIndex, reveal]);

  return (
    <div className="tl-scroll truth-scroll" ref={virtual.ref} onScroll={virtual.onScroll}>
      <table
        className="tl-table truth-table"
        aria-label="Tracker’s view beside the truth, per client"
        aria-rowcount={rows.length + 2}
      >
        <colgroup>
          {truthColumns.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr className="group-row" style={{ height: headerHeight }}>
            {groups.map(({ group, span, only }) =>
              only ? (
                <ColumnHeader key={group} column={only} sort={sort} onSort={onSort} rowSpan={2} />
              ) : (
                <th
                  key={group}
                  scope="colgroup"
                  colSpan={span}
                  className={`group ${group}`}
                  title={groupLabel[group].tooltip}
                >
                  {groupLabel[group].label}
                </th>
              ),
            )}
          </tr>
          <tr style={{ height: headerHeight }}>
            {groups
              .filter((g) => g.only === null)
              .flatMap((g) => truthColumns.filter((c) => c.group === g.group))
              .map((c) => (
                <ColumnHeader key={c.id} column={c} sort={sort} onSort={onSort} top={headerHeight} />
              ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true" className="spacer" style={{ height: padTop }} />}
          {rows.slice(start, end).map((r, i) => {
            const selected = r.clientId === selectedClient;
            return (
              <tr
                key={r.clientId}
                aria-rowindex={start + i + 3}
                aria-current={selected ? 'true' : undefined}
                className={`${selected ? 'selected' : ''}${r.divergences.length > 0 ? ' diverging' : ''}`}
                style={{ height: rowHeight }}
                tabIndex={0}
                onClick={() => onSelect(r.clientId)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(r.clientId);
                  }
                }}
                data-testid={`truth-row-${r.name}`}
              >
                {truthColumns.map((c) => {
                  const flag = c.flag(r);
                  return (
                    <td
                      key={c.id}
                      className={`${c.numeric ? 'num' : ''}${flag ? ` flagged ${flag}` : ''}`}
                      title={c.title(r)}
                      data-testid={`truth-${c.id}-${r.name}`}
                    >
                      {c.id === 'divergence'
                        ? r.divergences.map((d) => (
                            <div key={d.kind} className={`divergence-line ${d.kind}`}>
                              {d.text}
                            </div>
                          ))
                        : c.text(r)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden="true" className="spacer" style={{ height: padBottom }} />}
        </tbody>
      </table>
    </div>
  );
}
