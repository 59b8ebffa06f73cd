// The servers the benchmark starts talk to it over stdio: one JSON line on stdout when listening,
// then one JSON line per command read from stdin. A closed stdin means the orchestrator is gone
// (even if it was SIGKILLed), so the child exits instead of lingering on its port.
import { createInterface } from 'node:readline';

export type CommandHandlers = Record<string, (arg: string) => unknown>;

export function reply(message: unknown): void {
  process.stdout.write(JSON.stringify(message) + '\n');
}

export function serveCommands(handlers: CommandHandlers): void {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const space = line.indexOf(' ');
    const name = space === -1 ? line : line.slice(0, space);
    const arg = space === -1 ? '' : line.slice(space + 1);
    if (name === 'quit') process.exit(0);
    const handler = handlers[name];
    if (!handler) return reply({ error: `unknown command ${JSON.stringify(name)}` });
    Promise.resolve()
      .then(() => handler(arg))
      .then(
        (result) => reply({ ok: true, result }),
        (err: unknown) => reply({ error: err instanceof Error ? err.message : String(err) }),
      );
  });
  lines.on('close', () => process.exit(0));
}

/** The child's own CPU time in seconds (user + system), read around each measured run. */
export function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

export function argValue(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? fallback : process.argv[i + 1];
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
}
