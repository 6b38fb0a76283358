/** Outcome of fetching a Telegram file: the bytes, or why not, as a value the handler can word for the user. */
export type Download = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'failed'; detail?: string };

/**
 * Fetches `${apiRoot}/file/bot<token>/<path>`, so a self-hosted Bot API server or an emulator serves
 * the file too. The size is checked again while reading: `file_size` is optional and a server could
 * send more than it announced, and the bytes are held in memory.
 */
export async function downloadFile(apiRoot: string, token: string, filePath: string, maxBytes: number): Promise<Download> {
  const url = `${apiRoot.replace(/\/+$/, '')}/file/bot${token}/${filePath.split('/').map(encodeURIComponent).join('/')}`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    return { ok: false, reason: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok || !response.body) return { ok: false, reason: 'failed', detail: `HTTP ${response.status}` };
  const announced = Number(response.headers.get('content-length') ?? NaN);
  if (announced > maxBytes) {
    await response.body.cancel();
    return { ok: false, reason: 'too-large' };
  }
  return readCapped(response.body, maxBytes);
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Download> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) return { ok: false, reason: 'too-large' };
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
