import { describe, expect, it } from 'vitest';
import { INDEX_FORMAT_VERSION, type IndexRequirements, type Manifest, checkManifest, graphReusable, parseManifest, sentenceVectorsReusable } from '../../src/index/manifest.js';

const STORED: Manifest = {
  formatVersion: INDEX_FORMAT_VERSION,
  modelId: 'bundled',
  modelHash: 'a'.repeat(64),
  dim: 512,
  chunking: { sentencesPerPassage: 3, overlap: 1 },
  hnsw: { m: 16, efConstruction: 200, efSearch: 64 },
  corpusHash: 'c'.repeat(64),
  builtAt: '2024-01-01T00:00:00.000Z',
  counts: { documents: 1, passages: 13, sentences: 27 },
};

const REQUIRED: IndexRequirements = {
  modelId: STORED.modelId,
  modelHash: STORED.modelHash,
  dim: STORED.dim,
  chunking: { ...STORED.chunking },
  hnsw: { m: 16, efConstruction: 200 },
  corpusHash: STORED.corpusHash,
};

describe('checkManifest', () => {
  it.each<[string, Partial<Manifest>, Partial<IndexRequirements>, RegExp]>([
    ['an older index format', { formatVersion: INDEX_FORMAT_VERSION - 1 }, {}, new RegExp(`index format ${INDEX_FORMAT_VERSION - 1}, this version reads ${INDEX_FORMAT_VERSION}`)],
    ['a newer index format', { formatVersion: INDEX_FORMAT_VERSION + 1 }, {}, /index format/],
    ['another model id', {}, { modelId: 'Xenova/multilingual-e5-small' }, /built with model bundled, configured Xenova\/multilingual-e5-small/],
    ['changed model files', {}, { modelHash: 'b'.repeat(64) }, /files of model bundled changed/],
    ['another dimension', {}, { dim: 384 }, /vectors have 512 dimensions, the model gives 384/],
    ['another passage size', {}, { chunking: { sentencesPerPassage: 2, overlap: 1 } }, /chunking 3\/1 differs from 2\/1/],
    ['another overlap', {}, { chunking: { sentencesPerPassage: 3, overlap: 0 } }, /chunking 3\/1 differs from 3\/0/],
    ['another HNSW M', {}, { hnsw: { m: 32, efConstruction: 200 } }, /HNSW graph was built with M=16, efConstruction=200/],
    ['another HNSW efConstruction', {}, { hnsw: { m: 16, efConstruction: 100 } }, /HNSW graph was built with M=16, efConstruction=200/],
    ['another corpus', {}, { corpusHash: 'd'.repeat(64) }, /corpus changed/],
  ])('is not usable with %s, and says why', (_, stored, required, reason) => {
    const check = checkManifest({ ...STORED, ...stored }, { ...REQUIRED, ...required });
    expect(check.usable).toBe(false);
    expect(check).toEqual({ usable: false, reason: expect.stringMatching(reason) });
  });

  it('reports the first mismatch when several differ (format before model before corpus)', () => {
    expect(checkManifest({ ...STORED, formatVersion: 0 }, { ...REQUIRED, modelId: 'x', corpusHash: 'y' })).toEqual({
      usable: false,
      reason: expect.stringMatching(/index format 0/),
    });
    expect(checkManifest(STORED, { ...REQUIRED, dim: 3, corpusHash: 'y' })).toEqual({ usable: false, reason: expect.stringMatching(/dimensions/) });
  });

  it.each<[string, Manifest]>([
    ['an exact match', STORED],
    ['another efSearch (a search setting, applied at load)', { ...STORED, hnsw: { ...STORED.hnsw, efSearch: 16 } }],
    ['another build time and counts', { ...STORED, builtAt: '2025-06-01T00:00:00.000Z', counts: { documents: 2, passages: 30, sentences: 60 } }],
  ])('is usable with %s', (_, stored) => {
    expect(checkManifest(stored, REQUIRED)).toEqual({ usable: true });
  });
});

describe('graphReusable', () => {
  const { corpusHash: _corpus, ...model } = REQUIRED;

  it.each<[string, Partial<Manifest>, boolean]>([
    ['the same model and chunking', {}, true],
    ['another corpus (only new sentences are embedded)', { corpusHash: 'e'.repeat(64) }, true],
    ['another model', { modelId: 'use-lite' }, false],
    ['changed model files', { modelHash: 'f'.repeat(64) }, false],
    ['another chunking', { chunking: { sentencesPerPassage: 2, overlap: 0 } }, false],
    ['another format', { formatVersion: INDEX_FORMAT_VERSION + 1 }, false],
    ['another HNSW M', { hnsw: { ...STORED.hnsw, m: 8 } }, false],
  ])('with %s → %s', (_, stored, expected) => {
    expect(graphReusable({ ...STORED, ...stored }, model)).toBe(expected);
  });
});

describe('sentenceVectorsReusable', () => {
  const model = { modelId: STORED.modelId, modelHash: STORED.modelHash, dim: STORED.dim };

  it.each<[string, Partial<Manifest>, boolean]>([
    ['the same model', {}, true],
    ['another chunking (sentences are split the same way)', { chunking: { sentencesPerPassage: 2, overlap: 0 } }, true],
    ['another HNSW graph', { hnsw: { m: 8, efConstruction: 50, efSearch: 16 } }, true],
    ['another model', { modelId: 'use-lite' }, false],
    ['changed model files', { modelHash: 'f'.repeat(64) }, false],
    ['another dimension', { dim: 384 }, false],
  ])('with %s → %s', (_, stored, expected) => {
    expect(sentenceVectorsReusable({ ...STORED, ...stored }, model)).toBe(expected);
  });
});

describe('parseManifest', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'manifest'],
    ['a manifest without chunking', { ...STORED, chunking: undefined }],
    ['a manifest with a text dimension', { ...STORED, dim: '512' }],
    ['a manifest with negative counts', { ...STORED, counts: { documents: -1, passages: 0, sentences: 0 } }],
  ])('rejects %s, so the index is rebuilt instead of misread', (_, json) => {
    expect(parseManifest(json)).toBeUndefined();
  });

  it('accepts a complete manifest as it is', () => {
    expect(parseManifest(JSON.parse(JSON.stringify(STORED)))).toEqual(STORED);
  });
});
