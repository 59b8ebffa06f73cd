// @vitest-environment jsdom
// The export buttons: SVG downloads the graph at the shown time as a standalone SVG file named after
// that time; PNG rasterises the same SVG on a canvas (jsdom has none: the browser's part is faked)
// and downloads image/png.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { GraphExportButtons } from '../../../renderer/src/views/graph/ExportButtons';
import { browserRasteriser, svgToPng, type Rasteriser } from '../../../renderer/src/views/graph/exportImage';
import { renderPanel } from '../truth/renderPanel';
import { GraphLog } from './graphLog';

interface Download {
  name: string;
  href: string;
}

let blobs: Map<string, Blob>;
let downloads: Download[];

beforeEach(() => {
  blobs = new Map();
  downloads = [];
  // jsdom has no object URLs and does not navigate on click: record both.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, href: this.href });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function swarm() {
  const log = new GraphLog().client(0, 'seeder').client(1, 'alice').client(2, 'bob');
  log.connected(0, [1], 100);
  return log.model();
}

/** A canvas that records what is drawn on it and encodes to a fake PNG. */
function fakeRasteriser() {
  const drawn: unknown[][] = [];
  const encoded: string[] = [];
  const image = { fake: 'image' } as unknown as CanvasImageSource;
  const r: Rasteriser = {
    loadImage: vi.fn(async () => image),
    createCanvas: (width, height) =>
      ({
        width,
        height,
        getContext: () => ({ drawImage: (...args: unknown[]) => drawn.push(args) }),
        toBlob: (done: (b: Blob | null) => void, type: string) => {
          encoded.push(type);
          done(new Blob(['png'], { type }));
        },
      }) as unknown as HTMLCanvasElement,
  };
  return { r, image, drawn, encoded };
}

test('SVG: the graph at the cursor, downloaded as tracker-lab-graph-<time>.svg', async () => {
  renderPanel(GraphExportButtons, swarm(), { cursor: 1_500_000 });
  fireEvent.click(screen.getByTestId('graph-export-svg'));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0]!.name).toBe('tracker-lab-graph-00-25-00.svg');
  const blob = blobs.get(downloads[0]!.href)!;
  expect(blob.type).toBe('image/svg+xml');
  const doc = new DOMParser().parseFromString(await blob.text(), 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.querySelectorAll('circle.peer')).toHaveLength(3);
  expect(doc.querySelectorAll('g.connections line')).toHaveLength(1);
  expect(doc.querySelector('text.caption')!.textContent).toBe('Tracker Lab — 3 peers at 00:25:00');
});

test('SVG: live, the engine’s clock names the file; hidden connections stay hidden', async () => {
  renderPanel(GraphExportButtons, swarm(), {
    status: { now: 3_723_000, endMs: 7_200_000, playing: true, speed: 1, events: 0 },
    display: { largeText: false, showConnections: false },
  });
  fireEvent.click(screen.getByTestId('graph-export-svg'));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0]!.name).toBe('tracker-lab-graph-01-02-03.svg');
  const doc = new DOMParser().parseFromString(await blobs.get(downloads[0]!.href)!.text(), 'image/svg+xml');
  expect(doc.querySelectorAll('g.connections line')).toHaveLength(0);
});

test('PNG: the SVG drawn on a canvas at twice its size and encoded as image/png', async () => {
  const fake = fakeRasteriser();
  vi.spyOn(browserRasteriser, 'loadImage').mockImplementation(fake.r.loadImage);
  vi.spyOn(browserRasteriser, 'createCanvas').mockImplementation(fake.r.createCanvas);
  renderPanel(GraphExportButtons, swarm(), { cursor: 60_000 });
  fireEvent.click(screen.getByTestId('graph-export-png'));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0]!.name).toBe('tracker-lab-graph-00-01-00.png');
  expect(blobs.get(downloads[0]!.href)!.type).toBe('image/png');
  // 3 peers: a 400 px disc + 190 px legend, 432 px tall, rendered at 2×
  expect(fake.drawn).toEqual([[fake.image, 0, 0, 1180, 864]]);
  expect(fake.encoded).toEqual(['image/png']);
  // The image was loaded from the SVG document itself.
  const svgUrl = vi.mocked(fake.r.loadImage).mock.calls[0]![0];
  expect(blobs.get(svgUrl)!.type).toBe('image/svg+xml');
});

test('svgToPng: a canvas without a 2D context is an error, not a blank file', async () => {
  const r: Rasteriser = {
    loadImage: async () => ({}) as CanvasImageSource,
    createCanvas: () => ({ getContext: () => null }) as unknown as HTMLCanvasElement,
  };
  await expect(svgToPng('<svg xmlns="http://www.w3.org/2000/svg"/>', 10, 10, 1, r)).rejects.toThrow(
    'no 2D canvas to draw the PNG on',
  );
});

test('a failed export is reported as a notice', async () => {
  vi.spyOn(browserRasteriser, 'loadImage').mockRejectedValue(new Error('the SVG could not be rendered'));
  const { store } = renderPanel(GraphExportButtons, swarm());
  fireEvent.click(screen.getByTestId('graph-export-png'));
  await waitFor(() =>
    expect(store.getState().notice).toEqual({
      text: 'Export failed: the SVG could not be rendered',
      kind: 'error',
    }),
  );
  expect(downloads).toHaveLength(0);
});
