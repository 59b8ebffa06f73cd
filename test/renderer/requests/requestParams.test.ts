// The seed's first GET, decoded parameter by parameter as the request log shows it.
import { describe, expect, test } from 'vitest';
import { explainRequest, peerIdTag } from '../../../shared/views/requestParams';
import { eventOfTarget, parseRequestTarget, percentDecodeBytes } from '../../../shared/views/requestTarget';
import { asciiBytes, toHex } from '../../../shared/bytes';
import { SEED_FIRST_GET } from '../truth/swarmLog';

function param(target: string, name: string) {
  const p = explainRequest(target).params.find((x) => x.name === name);
  if (!p) throw new Error(`no ${name}`);
  return p;
}

describe('the seed’s first GET', () => {
  test('info_hash decodes byte-wise to the torrent’s 20 bytes, shown as hex', () => {
    const p = param(SEED_FIRST_GET, 'info_hash');
    expect(p.hex).toBe('d9a57bb40e1e5af971530d38b0bf269f740f92f3');
    expect(p.text).toBeNull();
    expect(p.problem).toBeNull();
    expect(p.raw).toBe('%D9%A5%7B%B4%0E%1EZ%F9qS%0D8%B0%BF%26%9Ft%0F%92%F3');
    expect(p.source).toBe('BEP 3');
  });

  test('peer_id reads as text and its tag names Transmission 1.32', () => {
    const p = param(SEED_FIRST_GET, 'peer_id');
    expect(p.text).toBe('-TR1320-ph6nbw6phum2');
    expect(p.hex).toBe(toHex(asciiBytes('-TR1320-ph6nbw6phum2')));
    expect(p.human).toBe('-TR1320-: Transmission 1.32, the rest chosen at random');
  });

  test('sizes get a human form; numwant, key, compact and the event their meaning', () => {
    expect(param(SEED_FIRST_GET, 'left')).toMatchObject({ value: '76781572', human: '73.2 MiB' });
    expect(param(SEED_FIRST_GET, 'uploaded')).toMatchObject({ value: '0', human: '0 B' });
    expect(param(SEED_FIRST_GET, 'port')).toMatchObject({ value: '51413', problem: null });
    expect(param(SEED_FIRST_GET, 'numwant')).toMatchObject({ value: '80', human: 'asks for 80 peers' });
    expect(param(SEED_FIRST_GET, 'key')).toMatchObject({ value: '36vk3vk5rt', text: '36vk3vk5rt' });
    expect(param(SEED_FIRST_GET, 'compact')).toMatchObject({ value: '1', source: 'BEP 23' });
    const event = param(SEED_FIRST_GET, 'event');
    expect(event.value).toBe('started');
    expect(event.human).toMatch(/^The first announce of a session/);
  });

  test('the passkey is the first path segment, listed first; parameters follow in wire order', () => {
    const r = explainRequest(SEED_FIRST_GET);
    expect(r.endpoint).toBe('announce');
    expect(r.params.map((p) => p.name)).toEqual([
      'passkey',
      'info_hash',
      'peer_id',
      'port',
      'uploaded',
      'downloaded',
      'corrupt',
      'left',
      'compact',
      'numwant',
      'key',
      'event',
    ]);
    expect(r.params[0]).toMatchObject({ location: 'path', value: '3bfa64edd509add1c7516d7a62700366' });
  });

  test('completed is explained per BEP 3, with the seed’s claim shown as a misconception', () => {
    const p = param(SEED_FIRST_GET.replace('event=started', 'event=completed'), 'event');
    expect(p.human).toContain('when the download finishes');
    expect(p.human).toContain('Seed 002 claims it is sent when the client is closed: a misconception');
  });
});

describe('decoding request targets', () => {
  test('a regular announce has no event on the wire: shown as absent', () => {
    const target = SEED_FIRST_GET.replace('&event=started', '');
    const p = param(target, 'event');
    expect(p).toMatchObject({ location: 'absent', raw: null, value: '(not sent)' });
    expect(eventOfTarget(target)).toBe('');
  });

  test('a passkey in the query, numwant over the cap, a short info_hash', () => {
    const r = explainRequest('/announce?passkey=abc&info_hash=%00%01&numwant=500&trackerid=x%20y', {
      numwantMax: 200,
      trustIpParam: false,
    } as never);
    expect(r.params.find((p) => p.name === 'passkey')).toMatchObject({ location: 'query', value: 'abc' });
    expect(r.params.find((p) => p.name === 'info_hash')!.problem).toBe('must be exactly 20 bytes, got 2');
    expect(r.params.find((p) => p.name === 'numwant')!.human).toBe(
      'asks for 500; this tracker caps it at 200',
    );
    expect(r.params.find((p) => p.name === 'trackerid')!.text).toBe('x y');
  });

  test('percent-decoding is byte-wise: %FF stays one byte 0xff, + is a space, bad escapes fail', () => {
    expect([...percentDecodeBytes('%FFa+%41')!]).toEqual([0xff, 0x61, 0x20, 0x41]);
    expect(percentDecodeBytes('%G1')).toBeNull();
    expect(explainRequest('/announce?peer_id=%ZZ').params[0]!.problem).toBe('malformed percent-encoding');
  });

  test('a UDP request logged as a description is not parsed as a path', () => {
    expect(parseRequestTarget('udp announce from 10.0.0.1')).toMatchObject({ http: false, params: [] });
  });

  test('peer-id tags of other clients', () => {
    expect(peerIdTag(asciiBytes('-qB4250-abcdefghijkl'))).toBe(
      '-qB4250-: qBittorrent 4.2.5.0, the rest chosen at random',
    );
    expect(peerIdTag(Uint8Array.of(1, 2, 3))).toBeNull();
  });
});
