// Child processes for the interop tests: every real client is started through here, so the test can
// stop each one gracefully (a signal, then SIGKILL after a grace period) and, in afterEach, kill
// whatever is still running even when an assertion failed half-way.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The last bytes of a client's stdout and stderr are kept for failure messages. */
const OUTPUT_LIMIT = 64 * 1024;

export class ClientProcess {
  readonly exited: Promise<Exit>;
  private output = '';
  private exit: Exit | null = null;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('latin1')).slice(-OUTPUT_LIMIT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
      child.once('error', (error) => {
        keep(Buffer.from(`spawn failed: ${error.message}\n`));
        this.exit = { code: null, signal: null };
        resolve(this.exit);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === null;
  }

  /** What the client printed, for failure messages. */
  log(): string {
    return this.output;
  }

  /** Sends `signal` and waits for the exit; SIGKILL when it takes longer than `graceMs`. */
  async stop(signal: NodeJS.Signals, graceMs: number): Promise<Exit & { killed: boolean }> {
    if (!this.running) return { ...(await this.exited), killed: false };
    this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    const first = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    if (first !== 'late') return { ...first, killed: false };
    this.child.kill('SIGKILL');
    return { ...(await this.exited), killed: true };
  }
}

/** Every client a test started; `killAll` in afterEach leaves no process behind. */
export class ClientProcesses {
  private readonly clients: ClientProcess[] = [];

  /**
   * Starts `command` under `setpriv --pdeathsig KILL` (util-linux, essential in Debian): setpriv
   * execs the client in its own process, which the kernel kills if the test process dies before
   * afterEach could (a crash, a CI timeout), so no daemon outlives its test.
   */
  start(name: string, command: string, args: string[]): ClientProcess {
    const child = spawn('setpriv', ['--pdeathsig', 'KILL', command, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const client = new ClientProcess(name, child);
    this.clients.push(client);
    return client;
  }

  /** SIGKILL for everything still running (after a failure; the tests stop clients gracefully). */
  async killAll(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((c) => c.stop('SIGKILL', 5_000)));
  }

  /** Every client's output, headed by its name, for failure messages. */
  logs(): string {
    return this.clients.map((c) => `--- ${c.name} (pid ${c.pid ?? '?'}) ---\n${c.log()}`).join('\n');
  }
}

/** Runs a short command to completion; rejects with its output on a non-zero exit or a timeout. */
export function run(command: string, args: string[], timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')}: ${error.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/**
 * Fails (never skips) when a client is not installed, naming the Debian package to install.
 * `.ci/run` installs them; locally: apt-get install transmission-daemon transmission-cli aria2 mktorrent.
 */
export function requireCommands(commands: Record<string, string>): void {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  const missing = Object.entries(commands).filter(
    ([command]) =>
      !dirs.some((dir) => {
        try {
          accessSync(path.join(dir, command), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
  );
  if (missing.length > 0) {
    const packages = [...new Set(missing.map(([, pkg]) => pkg))];
    throw new Error(
      `not installed: ${missing.map(([command, pkg]) => `${command} (Debian package ${pkg})`).join(', ')}; ` +
        `run: apt-get install -y --no-install-recommends ${packages.join(' ')}`,
    );
  }
}

/**
 * Polls `probe` every `everyMs` until it returns a value other than undefined, or fails after
 * `timeoutMs` with `what` and the context (clients' output, the tracker's log) in the message.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  context: () => string = () => '',
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
