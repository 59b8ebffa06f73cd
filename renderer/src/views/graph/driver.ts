// What the graph knows between frames, outside React: the layout, the node looks and connections
// (recomputed when the model's version changes), the hit-test index, the ghost expiries and the
// frame buffers. The animation loop calls `frame()` once per requestAnimationFrame.
import type { Speed } from '../../../../shared/bridge';
import type { SwarmModel } from '../../../../shared/views/model';
import { ExpiryLog } from './expiries';
import { buildPeerIndex, type PeerIndex } from './hitTest';
import { layoutFor, type Layout } from './layout';
import { connectionPairs, nodeSet, NO_NODE, type NodeSet } from './nodes';
import { buildScene, SceneFrame } from './scene';
import { spansFor } from './timing';

function sameLooks(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class GraphDriver {
  layout: Layout = layoutFor(0);
  nodes: NodeSet = nodeSet({ clients: [] });
  index: PeerIndex = buildPeerIndex(this.layout, () => false);
  readonly expiries = new ExpiryLog();
  readonly scene = new SceneFrame();
  /** Bumps when a node appeared or changed its look (the painters redraw the peers). */
  looksVersion = 0;
  /** The model's version last synced (connections may have changed whenever it moves). */
  modelVersion = -1;
  private model: SwarmModel | null = null;
  private edges: Int32Array = new Int32Array(0);
  private edgesVersion = -1;
  private indexedCount = -1;

  /** Catches up with the model (cheap when its version has not changed). */
  sync(model: SwarmModel, version: number): void {
    if (model === this.model && version === this.modelVersion) return;
    this.model = model;
    this.modelVersion = version;
    this.layout = layoutFor(model.clients.length, this.layout);
    const nodes = nodeSet(model);
    if (!sameLooks(nodes.look, this.nodes.look)) {
      this.nodes = nodes;
      this.looksVersion++;
    }
    if (this.nodes.count !== this.indexedCount) {
      const look = this.nodes.look;
      this.index = buildPeerIndex(this.layout, (id) => id < look.length && look[id] !== NO_NODE);
      this.indexedCount = this.nodes.count;
    }
    this.expiries.sync(model);
  }

  /** Data connections as id pairs, rebuilt at most once per model version. */
  connections(): Int32Array {
    if (this.model && this.edgesVersion !== this.modelVersion) {
      this.edges = connectionPairs(this.model);
      this.edgesVersion = this.modelVersion;
    }
    return this.edges;
  }

  has(id: number): boolean {
    return id < this.nodes.look.length && this.nodes.look[id] !== NO_NODE;
  }

  /** The moving parts at virtual time `now` (nothing moves at speed `max`). */
  frame(now: number, speed: Speed | null, maxLitAnswers: number, selected: number | null): SceneFrame {
    const spans = spansFor(speed);
    if (!this.model || spans === null) {
      this.scene.clear();
      return this.scene;
    }
    return buildScene(
      {
        flights: this.model.flightOrder,
        now,
        spans,
        layout: this.layout,
        maxLitAnswers,
        selected,
        expiries: this.expiries,
      },
      this.scene,
    );
  }
}
