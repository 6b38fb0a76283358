import { type LookupAddress, promises as dnsPromises } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { isPublicAddress } from './addressPolicy.js';

export type FetchRefusalReason =
  | 'bad-url' | 'scheme' | 'internal-address' | 'too-many-redirects' | 'too-large' | 'timeout' | 'http-status' | 'content-type' | 'unreachable';

/** Why a link was not fetched: an expected outcome, worded by the caller in the admin's language. */
export interface FetchRefusal {
  reason: FetchRefusalReason;
  /** For logs and the shell: the status, the address or the error, never shown raw in Telegram. */
  detail: string;
}

export interface FetchedBody {
  /** After redirects: the document's source. */
  url: string;
  contentType: string | undefined;
  bytes: Uint8Array;
}

export type FetchOutcome = { ok: true; value: FetchedBody } | { ok: false; refusal: FetchRefusal };

export interface FetchOptions {
  maxBytes: number;
  /** For the whole fetch, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** URL_FETCH_ALLOW_PRIVATE=on: intranets and tests may fetch from internal addresses. */
  allowPrivate: boolean;
  /** Checked before the body is read, so a video is refused without downloading it. */
  acceptsContentType: (header: string | undefined) => boolean;
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
  /** Which addresses may be connected to when `allowPrivate` is off; isPublicAddress unless a test narrows it. */
  isAllowedAddress?: (address: string) => boolean;
  /** The resolver under the check; dns.lookup unless a test stands in for DNS. */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

const systemResolve = (hostname: string) => dnsPromises.lookup(hostname, { all: true });

class Refused extends Error {
  constructor(readonly refusal: FetchRefusal) {
    super(refusal.detail);
  }
}

const refuse = (reason: FetchRefusalReason, detail: string): FetchOutcome => ({ ok: false, refusal: { reason, detail } });

/**
 * Fetches a link for the corpus. This is a security boundary: the bot fetches what an admin names,
 * from inside the operator's network. Only http(s), at most `maxRedirects` redirects, a size cap
 * enforced while reading, one deadline for everything, and by default no internal addresses:
 * each hop's name is resolved here and every address checked, and the socket's connected address
 * is checked again, so a name that resolves differently the second time (DNS rebinding) or an
 * IP literal cannot reach inside. Content types are the caller's business (see mediaType.ts).
 */
export async function fetchSafely(link: string, options: FetchOptions): Promise<FetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 15_000);
  try {
    let url = link;
    for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop += 1) {
      const outcome = await fetchOnce(url, options, controller.signal);
      if (!('redirect' in outcome)) return outcome;
      url = outcome.redirect;
    }
    return refuse('too-many-redirects', `more than ${options.maxRedirects ?? 5} redirects`);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    if (controller.signal.aborted) return refuse('timeout', `no complete answer within ${(options.timeoutMs ?? 15_000) / 1000} s`);
    return refuse('unreachable', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

async function fetchOnce(link: string, options: FetchOptions, signal: AbortSignal): Promise<FetchOutcome | { redirect: string }> {
  const url = URL.canParse(link) ? new URL(link) : undefined;
  if (!url) return refuse('bad-url', link);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('scheme', url.protocol);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const allowed = options.allowPrivate ? undefined : (options.isAllowedAddress ?? isPublicAddress);
  if (allowed && isIP(host) && !allowed(host)) return refuse('internal-address', host);
  const response = await request(url, allowed && checkedLookup(allowed, options.resolve ?? systemResolve), signal);
  const status = response.statusCode ?? 0;
  const location = response.headers.location;
  if (status >= 300 && status < 400 && location) {
    response.destroy();
    return URL.canParse(location, url) ? { redirect: new URL(location, url).href } : refuse('bad-url', location);
  }
  if (status < 200 || status >= 300) {
    response.destroy();
    return refuse('http-status', `HTTP ${status}`);
  }
  if (!options.acceptsContentType(response.headers['content-type'])) {
    response.destroy();
    return refuse('content-type', response.headers['content-type'] ?? 'no content type');
  }
  const declared = Number(response.headers['content-length'] ?? NaN);
  if (declared > options.maxBytes) {
    response.destroy();
    return refuse('too-large', `${declared} bytes announced`);
  }
  const bytes = await readCapped(decoded(response), options, Number.isFinite(declared) ? declared : undefined);
  return { ok: true, value: { url: withoutCredentials(url), contentType: response.headers['content-type'], bytes } };
}

/** The url is stored and shown under quotes: a user name or password in it must not be. */
function withoutCredentials(url: URL): string {
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  return shown.href;
}

/** `lookup` undefined: any address (URL_FETCH_ALLOW_PRIVATE=on); otherwise it checks names and the connected socket is checked too. */
function request(url: URL, lookup: CheckedLookup | undefined, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(url, {
      // A fresh socket per request: a pooled one would skip the connect-time check below.
      agent: false,
      signal,
      lookup,
      headers: { 'user-agent': 'QantarBot/1.0 (document fetcher)', 'accept-encoding': 'gzip, deflate, br', accept: '*/*' },
    });
    req.once('socket', (socket: Socket) => {
      // Prepended, so the check runs before the request bytes queued for this socket are written.
      if (lookup) socket.prependOnceListener('connect', () => checkConnected(socket, lookup.allowed, req.destroy.bind(req)));
    });
    req.once('response', resolve);
    req.once('error', reject);
  });
}

type CheckedLookup = LookupFunction & { allowed: (address: string) => boolean };

/** Resolves like dns.lookup, but fails when any address of the name is not allowed. */
function checkedLookup(allowed: (address: string) => boolean, resolve: (hostname: string) => Promise<LookupAddress[]>): CheckedLookup {
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const internal = addresses.find((entry) => !allowed(entry.address));
        if (internal) return callback(new Refused({ reason: 'internal-address', detail: `${hostname} → ${internal.address}` }), '', 0);
        const usable = addresses.filter((entry) => !options.family || entry.family === options.family);
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
        const first = usable[0];
        if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
  return Object.assign(lookup, { allowed });
}

function checkConnected(socket: Socket, allowed: (address: string) => boolean, destroy: (error: Error) => void): void {
  const address = socket.remoteAddress;
  if (address === undefined || !allowed(address)) {
    destroy(new Refused({ reason: 'internal-address', detail: `connected to ${address ?? 'an unknown address'}` }));
  }
}

function decoded(response: IncomingMessage): Readable {
  switch (response.headers['content-encoding']?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(createGunzip());
    case 'deflate':
      return response.pipe(createInflate());
    case 'br':
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
}

/** Counts decompressed bytes, so a small gzip body cannot grow past the cap either. */
async function readCapped(body: Readable, options: FetchOptions, total: number | undefined): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > options.maxBytes) {
      body.destroy();
      throw new Refused({ reason: 'too-large', detail: `more than ${options.maxBytes} bytes` });
    }
    chunks.push(chunk);
    options.onProgress?.(size, total);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
