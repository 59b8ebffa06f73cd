// The browser mode's bridge opens only for its own page, named by an address or `localhost`.
import { describe, expect, it } from 'vitest';
import { bridgeRequestAllowed } from '../../electron/cli/webOrigin';

const at = (host: string, origin = `http://${host}`) => ({ host, origin });

describe('bridgeRequestAllowed', () => {
  it('accepts the page served on loopback, by address or by name, and by a LAN address', () => {
    expect(bridgeRequestAllowed(at('127.0.0.1:8080'), 8080)).toBe(true);
    expect(bridgeRequestAllowed(at('localhost:8080'), 8080)).toBe(true);
    expect(bridgeRequestAllowed(at('[::1]:8080'), 8080)).toBe(true);
    expect(bridgeRequestAllowed(at('192.168.1.20:8080'), 8080)).toBe(true);
  });

  it('refuses another site (cross-site WebSocket hijacking)', () => {
    expect(bridgeRequestAllowed(at('127.0.0.1:8080', 'http://evil.example'), 8080)).toBe(false);
    expect(bridgeRequestAllowed({ host: '127.0.0.1:8080' }, 8080)).toBe(false);
    expect(bridgeRequestAllowed(at('127.0.0.1:8080', 'https://127.0.0.1:8080'), 8080)).toBe(false);
  });

  it('refuses a foreign name pointed at this machine (DNS rebinding), though Origin and Host agree', () => {
    expect(bridgeRequestAllowed(at('evil.example:8080'), 8080)).toBe(false);
    expect(bridgeRequestAllowed(at('127.0.0.1.evil.example:8080'), 8080)).toBe(false);
  });

  it('refuses a Host for another port or without one', () => {
    expect(bridgeRequestAllowed(at('127.0.0.1:9999'), 8080)).toBe(false);
    expect(bridgeRequestAllowed(at('127.0.0.1'), 8080)).toBe(false);
  });
});
