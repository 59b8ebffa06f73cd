// A decoded bencode answer as a nested list: keys, integers, text or hex strings, and compact peer
// strings split into ip:port entries (named after the client that owns each address, when known).
import type { ReadableNode } from '../../../../shared/views/bencodeTree';
import { responseFieldInfo } from '../../../../shared/views/paramText';

/** A response field's tooltip: what it is, and where it is specified. */
function fieldTip(label: string): string | undefined {
  const info = responseFieldInfo[label];
  return info && `${info.what} (${info.source})`;
}

const kindTip: Record<ReadableNode['kind'], string> = {
  int: 'a bencoded integer',
  text: 'a byte string, shown as text',
  hex: 'a byte string that is not text, shown as hex',
  list: 'a bencoded list',
  dict: 'a bencoded dictionary (keys in byte order)',
  peers:
    'a compact peer string: 6 bytes per IPv4 peer (BEP 23) or 18 per IPv6 peer (BEP 7), address then port',
};

function Node({ node, names }: { node: ReadableNode; names: ReadonlyMap<string, string> }) {
  const label =
    node.label === '' ? null : (
      <span
        className={node.labelIsHex ? 'tree-key hex' : 'tree-key'}
        title={fieldTip(node.label) ?? (node.labelIsHex ? 'a binary key, shown as hex' : 'a dictionary key')}
      >
        {node.label}
        {': '}
      </span>
    );
  if (node.kind === 'dict' || node.kind === 'list') {
    return (
      <li data-testid={node.label === '' ? 'response-root' : `response-key-${node.label}`}>
        {label}
        <span className="tree-kind" title={kindTip[node.kind]}>
          {node.kind === 'dict' ? `dictionary (${node.children.length})` : `list (${node.children.length})`}
        </span>
        <ul>
          {node.children.map((c, i) => (
            <Node key={`${c.label}-${i}`} node={c} names={names} />
          ))}
        </ul>
      </li>
    );
  }
  if (node.kind === 'peers') {
    return (
      <li data-testid={`response-key-${node.label}`}>
        {label}
        <span className="tree-kind" title={kindTip.peers}>
          {node.peers!.length} peer{node.peers!.length === 1 ? '' : 's'}, {node.length} bytes
        </span>
        <ol className="compact-peers">
          {node.peers!.map((p, i) => {
            const addr = node.label === 'peers6' ? `[${p.ip}]:${p.port}` : `${p.ip}:${p.port}`;
            const name = names.get(`${p.ip}:${p.port}`);
            return (
              <li key={i} data-testid={`${node.label}-entry-${i + 1}`}>
                <code>{addr}</code>
                {name && <span className="peer-name"> ({name})</span>}
              </li>
            );
          })}
        </ol>
      </li>
    );
  }
  return (
    <li data-testid={`response-key-${node.label}`}>
      {label}
      <code
        className={`tree-${node.kind}`}
        title={`${kindTip[node.kind]}${node.length === null ? '' : `, ${node.length} bytes`}`}
      >
        {node.value}
      </code>
      {node.kind === 'hex' && <span className="tree-kind"> (hex)</span>}
    </li>
  );
}

/** `names`: "ip:port" → client name, for the compact entries. */
export function ResponseTree({ tree, names }: { tree: ReadableNode; names: ReadonlyMap<string, string> }) {
  return (
    <ul className="response-tree" aria-label="Decoded response">
      <Node node={tree} names={names} />
    </ul>
  );
}
