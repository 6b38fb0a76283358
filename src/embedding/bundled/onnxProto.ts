/**
 * A minimal protobuf writer for the handful of ONNX messages a static embedding graph needs.
 *
 * Hand-written so that building the bundled model needs neither Python nor a protobuf
 * library. Field numbers follow onnx/onnx.proto (proto2 syntax, so repeated scalars are
 * written unpacked, one tag per element, which every parser accepts).
 */

/** A message body: the concatenated bytes of its fields. */
export type ProtoBytes = Uint8Array;

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const UINT64_MASK = (1n << 64n) - 1n;

/** ONNX TensorProto.DataType values used here. */
export const OnnxDataType = { FLOAT: 1, INT8: 3, INT64: 7 } as const;
export type OnnxDataTypeValue = (typeof OnnxDataType)[keyof typeof OnnxDataType];

/** ONNX AttributeProto.AttributeType values used here. */
const ATTRIBUTE_TYPE_INT = 2;

/**
 * Base-128 varint. Negative numbers are written as 64-bit two's complement (10 bytes),
 * which is how protobuf encodes negative int32/int64 fields.
 */
export function encodeVarint(value: number | bigint): Uint8Array {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`varint needs a safe integer, got ${value}`);
  }
  let rest = BigInt(value) & UINT64_MASK;
  const out: number[] = [];
  while (rest >= 0x80n) {
    out.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  out.push(Number(rest));
  return Uint8Array.from(out);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function tag(field: number, wireType: number): Uint8Array {
  return encodeVarint(field * 8 + wireType);
}

export function varintField(field: number, value: number | bigint): Uint8Array {
  return concatBytes([tag(field, WIRE_VARINT), encodeVarint(value)]);
}

export function bytesField(field: number, payload: Uint8Array): Uint8Array {
  return concatBytes([tag(field, WIRE_LENGTH_DELIMITED), encodeVarint(payload.length), payload]);
}

export function stringField(field: number, value: string): Uint8Array {
  return bytesField(field, new TextEncoder().encode(value));
}

/** Optional fields are simply left out, which is protobuf's "not set". */
function optionalString(field: number, value: string | undefined): Uint8Array[] {
  return value === undefined ? [] : [stringField(field, value)];
}

/** TensorProto with raw little-endian data: dims=1, data_type=2, name=8, raw_data=9. */
export function tensorProto(t: {
  name: string;
  dataType: OnnxDataTypeValue;
  dims: readonly number[];
  rawData: Uint8Array;
}): ProtoBytes {
  return concatBytes([
    ...t.dims.map((d) => varintField(1, d)),
    varintField(2, t.dataType),
    stringField(8, t.name),
    bytesField(9, t.rawData),
  ]);
}

/** A dimension is either fixed (number) or symbolic (string, e.g. "batch"). */
export type Dim = number | string;

/**
 * ValueInfoProto{name=1, type=2} → TypeProto{tensor_type=1} → Tensor{elem_type=1, shape=2}
 * → TensorShapeProto{dim=1} → Dimension{dim_value=1 | dim_param=2}.
 */
export function valueInfo(name: string, elemType: OnnxDataTypeValue, dims: readonly Dim[]): ProtoBytes {
  const dimMessages = dims.map((d) =>
    bytesField(1, typeof d === 'number' ? varintField(1, d) : stringField(2, d)),
  );
  const shape = concatBytes(dimMessages);
  const tensorType = concatBytes([varintField(1, elemType), bytesField(2, shape)]);
  const typeProto = bytesField(1, tensorType);
  return concatBytes([stringField(1, name), bytesField(2, typeProto)]);
}

/** AttributeProto holding one int: name=1, i=3, type=20. */
export function intAttribute(name: string, value: number): ProtoBytes {
  return concatBytes([stringField(1, name), varintField(3, value), varintField(20, ATTRIBUTE_TYPE_INT)]);
}

/** NodeProto: input=1, output=2, name=3, op_type=4, attribute=5. */
export function nodeProto(n: {
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  attributes?: readonly ProtoBytes[];
}): ProtoBytes {
  return concatBytes([
    ...n.inputs.map((i) => stringField(1, i)),
    ...n.outputs.map((o) => stringField(2, o)),
    ...optionalString(3, n.name),
    stringField(4, n.opType),
    ...(n.attributes ?? []).map((a) => bytesField(5, a)),
  ]);
}

/** GraphProto: node=1, name=2, initializer=5, input=11, output=12. */
export function graphProto(g: {
  name: string;
  nodes: readonly ProtoBytes[];
  initializers: readonly ProtoBytes[];
  inputs: readonly ProtoBytes[];
  outputs: readonly ProtoBytes[];
}): ProtoBytes {
  return concatBytes([
    ...g.nodes.map((n) => bytesField(1, n)),
    stringField(2, g.name),
    ...g.initializers.map((t) => bytesField(5, t)),
    ...g.inputs.map((v) => bytesField(11, v)),
    ...g.outputs.map((v) => bytesField(12, v)),
  ]);
}

/**
 * ModelProto: ir_version=1, producer_name=2, producer_version=3, graph=7,
 * opset_import=8 → OperatorSetIdProto{domain=1, version=2}. The default ("ai.onnx")
 * domain is the empty string, written explicitly so no reader has to guess.
 */
export function modelProto(m: {
  irVersion: number;
  opsetVersion: number;
  producerName: string;
  producerVersion?: string;
  graph: ProtoBytes;
}): ProtoBytes {
  const opset = concatBytes([stringField(1, ''), varintField(2, m.opsetVersion)]);
  return concatBytes([
    varintField(1, m.irVersion),
    stringField(2, m.producerName),
    ...optionalString(3, m.producerVersion),
    bytesField(7, m.graph),
    bytesField(8, opset),
  ]);
}
