// Child processes of the benchmark: spawned with their stdout read as JSON lines, and killed on
// every way out of the orchestrator (normal exit, an error, Ctrl-C). The server children also exit
// by themselves when their stdin closes, which covers an orchestrator killed with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const live = new Set<ChildProcess>();
const cleanups: (() => void)[] = [];

function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
  for (const cleanup of cleanups.splice(0)) cleanup();
}

/** Synchronous clean-up (temporary files) that must also run when the benchmark is interrupted. */
export function atExit(cleanup: () => void): void {
  cleanups.push(cleanup);
}

let installed = false;
/** Installs the exit hooks once; call before spawning anything. */
export function killChildrenOnExit(): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAll();
      process.stderr.write(`\n${signal}: benchmark aborted, child processes killed\n`);
      process.exit(130);
    });
  }
}

/** Tracks a child spawned elsewhere (wrk) so the exit hooks kill it too. */
export function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
}

export interface ChildReply {
  ok?: boolean;
  error?: string;
  result?: unknown;
  [field: string]: unknown;
}

/** A child speaking bench/childProtocol.ts: a ready line, then one reply line per command. */
export class JsonLineChild {
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private exited = false;
  private stderrTail = '';

  constructor(
    readonly name: string,
    nodeArgs: string[],
    cwd: string,
  ) {
    this.child = spawn(process.execPath, nodeArgs, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    track(this.child);
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(line);
      } else this.lines.push(line);
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000);
    });
    this.child.on('exit', () => {
      this.exited = true;
      this.waiting?.(null);
      this.waiting = null;
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The next JSON line, or an error naming the child and quoting its stderr. */
  async next(timeoutMs: number): Promise<ChildReply> {
    const line =
      this.lines.shift() ??
      (this.exited
        ? null
        : await new Promise<string | null>((resolve) => {
            const timer = setTimeout(() => {
              this.waiting = null;
              resolve(null);
            }, timeoutMs);
            this.waiting = (l) => {
              clearTimeout(timer);
              resolve(l);
            };
          }));
    if (line === null) {
      const why = this.exited ? 'exited' : `gave no answer within ${timeoutMs} ms`;
      throw new Error(`${this.name} ${why}${this.stderrTail ? `:\n${this.stderrTail.trim()}` : ''}`);
    }
    const message = JSON.parse(line) as ChildReply;
    if (message.error) throw new Error(`${this.name}: ${message.error}`);
    return message;
  }

  async command<T>(line: string, timeoutMs = 30_000): Promise<T> {
    this.child.stdin!.write(line + '\n');
    return (await this.next(timeoutMs)).result as T;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin!.end('quit\n');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  }
}
