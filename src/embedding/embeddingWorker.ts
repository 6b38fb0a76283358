/** A worker thread of EmbeddingPool: loads the model once, then embeds each chunk it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { type TransformersModelOptions, loadRunner } from './transformersEmbedder.js';

const port = parentPort;
if (!port) throw new Error('embeddingWorker.ts runs only as a worker thread.');
const runner = await loadRunner(workerData as TransformersModelOptions);
port.on('message', async ({ id, texts }: { id: number; texts: string[] }) => {
  try {
    const vectors = await runner.run(texts);
    // Transferred, not copied: the main thread gets the buffer itself.
    port.postMessage({ id, vectors }, [vectors.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
port.postMessage({ ready: true });
