import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../../src/corpus/extract/addressPolicy.js';
import { type FetchOptions, fetchSafely } from '../../../src/corpus/extract/safeFetch.js';
import { type SiteServer, startSiteServer } from './siteServer.js';

let site: SiteServer;
beforeAll(async () => {
  site = await startSiteServer();
});
afterAll(() => site.close());

const KB = 1024;
const anyType = () => true;
/** The test server is on 127.0.0.1, so these fetch with URL_FETCH_ALLOW_PRIVATE=on unless a test says otherwise. */
const open = (url: string, extra: Partial<FetchOptions> = {}) => fetchSafely(url, { maxBytes: 256 * KB, allowPrivate: true, acceptsContentType: anyType, ...extra });

describe('isPublicAddress', () => {
  it.each([
    ['93.184.216.34', true],
    ['2606:2800:220:1:248:1893:25c8:1946', true],
    ['127.0.0.1', false],
    ['127.8.9.10', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['2002:7f00:1::', false],
    ['not an address', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('fetchSafely against a local server', () => {
  it('follows a redirect and reports the final url as the source', async () => {
    const outcome = await open(`${site.origin}/short-link`);
    expect(outcome).toMatchObject({ ok: true, value: { url: `${site.origin}/article`, contentType: 'text/html; charset=utf-8' } });
    if (outcome.ok) expect(new TextDecoder().decode(outcome.value.bytes)).toContain('Steppe News');
  });

  it('keeps a user name and password out of the source url', async () => {
    const { host } = new URL(site.origin);
    expect(await open(`http://reader:secret@${host}/article`)).toMatchObject({ ok: true, value: { url: `${site.origin}/article` } });
  });

  it('gives up after five redirects', async () => {
    expect(await open(`${site.origin}/loop`)).toMatchObject({ ok: false, refusal: { reason: 'too-many-redirects' } });
  });

  it('refuses a redirect to another scheme, and a link that is not http(s)', async () => {
    expect(await open(`${site.origin}/to-file`)).toMatchObject({ ok: false, refusal: { reason: 'scheme', detail: 'file:' } });
    expect(await open('ftp://example.org/report.pdf')).toMatchObject({ ok: false, refusal: { reason: 'scheme' } });
    expect(await open('not a link')).toMatchObject({ ok: false, refusal: { reason: 'bad-url' } });
  });

  it('stops reading past the size cap, announced or not, and after decompression too', async () => {
    expect(await open(`${site.origin}/big`)).toMatchObject({ ok: false, refusal: { reason: 'too-large', detail: 'more than 262144 bytes' } });
    expect(await open(`${site.origin}/big-announced`)).toMatchObject({ ok: false, refusal: { reason: 'too-large', detail: '52428800 bytes announced' } });
    expect(await open(`${site.origin}/gzip-bomb`)).toMatchObject({ ok: false, refusal: { reason: 'too-large' } });
  });

  it('times out on a response that never ends', async () => {
    const started = Date.now();
    expect(await open(`${site.origin}/slow`, { timeoutMs: 300 })).toMatchObject({ ok: false, refusal: { reason: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses a content type the caller does not accept before reading the body, and an HTTP error', async () => {
    const onlyHtml = (header: string | undefined) => header?.startsWith('text/html') ?? false;
    expect(await open(`${site.origin}/video`, { acceptsContentType: onlyHtml })).toMatchObject({ ok: false, refusal: { reason: 'content-type', detail: 'video/mp4' } });
    expect(await open(`${site.origin}/nowhere`)).toMatchObject({ ok: false, refusal: { reason: 'http-status', detail: 'HTTP 404' } });
  });
});

describe('fetchSafely refuses internal addresses by default', () => {
  it('refuses a link to 127.0.0.1 and to a name that resolves to it, without URL_FETCH_ALLOW_PRIVATE', async () => {
    const port = new URL(site.origin).port;
    for (const url of [`${site.origin}/article`, `http://localhost:${port}/article`, `http://[::ffff:127.0.0.1]:${port}/article`]) {
      expect(await open(url, { allowPrivate: false })).toMatchObject({ ok: false, refusal: { reason: 'internal-address' } });
    }
  });

  /** A stand-in DNS and a policy that trusts 127.0.0.1 only, so 127.0.0.2 plays an intranet host. */
  const port = () => new URL(site.origin).port;
  const onlyFirstLoopback = (address: string) => address === '127.0.0.1';
  const dns = (answers: Record<string, string[]>) => {
    const calls: string[] = [];
    const resolve = async (hostname: string): Promise<LookupAddress[]> => {
      calls.push(hostname);
      const queue = answers[hostname] ?? [];
      const address = (queue.length > 1 ? queue.shift() : queue[0]) ?? '0.0.0.0';
      return [{ address, family: 4 }];
    };
    return { resolve, calls };
  };

  it('checks the address again at every redirect', async () => {
    const { resolve } = dns({ 'news.test': ['127.0.0.1'], 'intranet.test': ['127.0.0.2'] });
    const hop = `http://news.test:${port()}/redirect-to?url=${encodeURIComponent(`http://intranet.test:${port()}/article`)}`;
    const options = { allowPrivate: false, isAllowedAddress: onlyFirstLoopback, resolve };
    expect(await open(`http://news.test:${port()}/short-link`, options)).toMatchObject({ ok: true, value: { url: `http://news.test:${port()}/article` } });
    expect(await open(hop, options)).toMatchObject({ ok: false, refusal: { reason: 'internal-address', detail: 'intranet.test → 127.0.0.2' } });
  });

  it('checks the address the socket connected to as well, before the request is sent', async () => {
    const { resolve } = dns({ 'checked.test': ['127.0.0.1'] });
    // The name check passes (first call); the connected address then counts as internal (second call).
    let checks = 0;
    const passOnce = () => ++checks === 1;
    const before = site.requests.length;
    const outcome = await open(`http://checked.test:${port()}/article`, { allowPrivate: false, isAllowedAddress: passOnce, resolve });
    expect(outcome).toMatchObject({ ok: false, refusal: { reason: 'internal-address', detail: 'connected to 127.0.0.1' } });
    expect(checks).toBe(2);
    await new Promise((settle) => setTimeout(settle, 50));
    expect(site.requests.length).toBe(before);
  });

  it('resolves the name again for each connection, so a name that rebinds to an internal address is refused', async () => {
    const { resolve, calls } = dns({ 'rebind.test': ['127.0.0.1', '127.0.0.2'] });
    const outcome = await open(`http://rebind.test:${port()}/short-link`, { allowPrivate: false, isAllowedAddress: onlyFirstLoopback, resolve });
    expect(outcome).toMatchObject({ ok: false, refusal: { reason: 'internal-address', detail: 'rebind.test → 127.0.0.2' } });
    expect(calls).toEqual(['rebind.test', 'rebind.test']);
  });
});
