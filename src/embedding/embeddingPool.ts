import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TransformersModelOptions } from './transformersEmbedder.js';

/** Workers linger this long after the last job, so the next chunk of a build does not pay start-up again. */
const IDLE_MS = 2000;
/** Under tsx a worker starts from a small .mjs that loads the TypeScript worker; compiled, it would start from the .js. */
const WORKER_URL = new URL(path.extname(fileURLToPath(import.meta.url)) === '.ts' ? './embeddingWorker.mjs' : './embeddingWorker.js', import.meta.url);

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  pending: number;
}

type Reply = { ready: true } | { id: number; vectors: Float32Array } | { id: number; error: string };

/**
 * Worker threads that each load the model once and embed whole chunks, so indexing uses every core
 * while the main thread inserts into HNSW. Started on first use and stopped when idle, so a bot
 * that is only answering questions holds no extra threads or memory. If a worker cannot start (a
 * test runner without the TypeScript loader, say) the pool reports itself unusable and the caller
 * embeds in its own thread.
 */
export class EmbeddingPool {
  #slots: Slot[] = [];
  #jobs = new Map<number, { slot: Slot; resolve: (v: Float32Array) => void; reject: (e: Error) => void }>();
  #nextId = 0;
  #broken = false;
  #idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: TransformersModelOptions, private readonly size: number) {}

  get usable(): boolean {
    return !this.#broken && this.size > 0;
  }

  async run(texts: readonly string[]): Promise<Float32Array> {
    clearTimeout(this.#idleTimer);
    if (this.#slots.length === 0) this.#slots = Array.from({ length: this.size }, () => this.#start());
    const slot = this.#slots.reduce((a, b) => (b.pending < a.pending ? b : a));
    slot.pending++;
    slot.worker.ref();
    try {
      await slot.ready;
      return await new Promise<Float32Array>((resolve, reject) => {
        const id = this.#nextId++;
        this.#jobs.set(id, { slot, resolve, reject });
        slot.worker.postMessage({ id, texts });
      });
    } finally {
      slot.pending--;
      // An idle worker must not keep the process alive; a busy one must, or a build could exit mid-way.
      if (slot.pending === 0) slot.worker.unref();
      if (this.#slots.every((s) => s.pending === 0)) this.#idleTimer = setTimeout(() => void this.stop(), IDLE_MS).unref();
    }
  }

  async stop(): Promise<void> {
    const slots = this.#slots;
    this.#slots = [];
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #start(): Slot {
    const worker = new Worker(WORKER_URL, { workerData: this.options });
    let markReady: () => void = () => undefined;
    let failStart: (e: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => ((markReady = resolve), (failStart = reject)));
    ready.catch(() => undefined); // observed through run(); avoids an unhandled rejection when no job waits
    const slot: Slot = { worker, ready, pending: 0 };
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) return markReady();
      const job = this.#jobs.get(reply.id);
      this.#jobs.delete(reply.id);
      if ('error' in reply) job?.reject(new Error(reply.error));
      else job?.resolve(reply.vectors);
    });
    const fail = (error: Error) => {
      this.#broken = true;
      failStart(error);
      for (const [id, job] of this.#jobs) if (job.slot === slot) (this.#jobs.delete(id), job.reject(error));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      this.#slots = this.#slots.filter((s) => s !== slot);
      if (code !== 0 && code !== 1) fail(new Error(`embedding worker exited with code ${code}`));
      // terminate() exits with 1: jobs can only be left when the worker died under them.
      for (const [id, job] of this.#jobs) if (job.slot === slot) (this.#jobs.delete(id), job.reject(new Error('embedding worker stopped')));
    });
    return slot;
  }
}
