/**
 * The bundled model's tokenizer (NFKC, Metaspace, Unigram over the teacher's vocabulary) in plain
 * TypeScript, so answering with the bundled model loads neither transformers.js nor ONNX Runtime.
 * It reproduces transformers.js 2.17's PreTrainedTokenizer step for step, quirks included (the
 * vocabulary trie is keyed by code point but searched by UTF-16 unit, so astral pieces never match;
 * on equal scores the first path wins); test/embedding/staticEmbedder.test.ts checks the ids against
 * transformers.js. Only the parts tokenizer.json of the bundled model uses are implemented.
 */

export interface TokenizerJson {
  added_tokens: ReadonlyArray<{ id: number; content: string; lstrip: boolean; rstrip: boolean }>;
  normalizer: { type: string } | null;
  pre_tokenizer: { type: string; replacement: string; add_prefix_space: boolean; prepend_scheme?: string } | null;
  post_processor: unknown;
  model: { type: string; unk_id: number; vocab: ReadonlyArray<readonly [string, number]> };
}

interface TrieNode {
  leaf: boolean;
  children: Map<string, TrieNode>;
}

const WORD_START = '▁';
/** Distinct words kept; a news corpus of 100k passages has far fewer. */
const WORD_CACHE_LIMIT = 200_000;

export class UnigramTokenizer {
  readonly vocabSize: number;
  readonly #ids = new Map<string, number>();
  readonly #scores: number[];
  readonly #unkId: number;
  readonly #root: TrieNode = { leaf: false, children: new Map() };
  readonly #addedTokens: Set<string>;
  readonly #addedTokensRegex: RegExp | undefined;
  readonly #replacement: string;
  /** No piece has "▁" after its first character, so each "▁word" can be tokenized (and cached) on its own. */
  readonly #byWord: boolean;
  readonly #wordCache = new Map<string, string[]>();

  constructor(json: TokenizerJson, readonly maxLength: number) {
    const { model, normalizer, pre_tokenizer: pre } = json;
    const supported = model.type === 'Unigram' && (normalizer === null || normalizer.type === 'NFKC') && json.post_processor === null;
    if (!supported || pre?.type !== 'Metaspace' || !pre.add_prefix_space || (pre.prepend_scheme ?? 'always') !== 'always') {
      throw new Error('This tokenizer.json is not the bundled model\'s kind (NFKC, Metaspace "always", Unigram, no post-processor).');
    }
    const pieces = model.vocab.map(([piece]) => piece);
    this.vocabSize = pieces.length;
    this.#scores = model.vocab.map(([, score]) => score);
    this.#unkId = model.unk_id;
    // Later duplicates win, as in `new Map(vocab.map(...))`.
    pieces.forEach((piece, id) => this.#ids.set(piece, id));
    this.#scores[this.#unkId] = Math.min(...this.#scores) - 10;
    for (const piece of pieces) this.#insert(piece);
    for (const token of json.added_tokens) this.#ids.set(token.content, token.id);
    this.#addedTokens = new Set(json.added_tokens.map((token) => token.content));
    const alternatives = json.added_tokens.map((t) => `${t.lstrip ? '\\s*' : ''}(${escapeRegExp(t.content)})${t.rstrip ? '\\s*' : ''}`);
    this.#addedTokensRegex = alternatives.length > 0 ? new RegExp(alternatives.join('|')) : undefined;
    this.#replacement = pre.replacement;
    this.#byWord = !pieces.some((piece) => piece.indexOf(WORD_START, 1) !== -1);
  }

  /** Token ids of one text, truncated to the model's maximum length. */
  encode(text: string): number[] {
    const sections = this.#addedTokensRegex ? text.split(this.#addedTokensRegex).filter((x) => x) : [text];
    const ids: number[] = [];
    for (const section of sections) {
      if (this.#addedTokens.has(section)) ids.push(this.#idOf(section));
      else for (const id of this.#encodeSection(section)) ids.push(id);
    }
    return ids.slice(0, this.maxLength);
  }

  #encodeSection(section: string): number[] {
    let normalized = section.normalize('NFKC');
    if (normalized.length === 0) return [];
    normalized = normalized.replaceAll(' ', this.#replacement);
    if (!normalized.startsWith(this.#replacement)) normalized = this.#replacement + normalized;
    if (!this.#byWord) return this.#piecesToIds(this.#viterbi(normalized));
    // As transformersEmbedder's cacheWordPieces does for the index: the lattice word by word, fused per section.
    const pieces: string[] = [];
    for (const word of normalized.split(/(?=▁)/u)) {
      let wordPieces = this.#wordCache.get(word);
      if (wordPieces === undefined) {
        wordPieces = this.#viterbi(word);
        if (this.#wordCache.size < WORD_CACHE_LIMIT) this.#wordCache.set(word, wordPieces);
      }
      for (const piece of wordPieces) pieces.push(piece);
    }
    return this.#piecesToIds(pieces);
  }

  /** Runs of pieces outside the vocabulary are fused into their first, which maps to the unknown token. */
  #piecesToIds(pieces: string[]): number[] {
    const ids: number[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const id = this.#ids.get(pieces[i] as string);
      if (id === undefined) while (i + 1 < pieces.length && !this.#ids.has(pieces[i + 1] as string)) i++;
      ids.push(id ?? this.#unkId);
    }
    return ids;
  }

  #insert(piece: string): void {
    let node = this.#root;
    for (const ch of piece) {
      let child = node.children.get(ch);
      if (child === undefined) node.children.set(ch, (child = { leaf: false, children: new Map() }));
      node = child;
    }
    node.leaf = true;
  }

  /**
   * Best-scoring segmentation, as transformers.js's TokenLattice computes it: each node picks, among
   * the nodes ending where it starts (in insertion order), the first with the strictly highest
   * backtrace score plus its own score; the end of the sentence does the same with score 0.
   */
  #viterbi(sentence: string): string[] {
    const n = sentence.length;
    const bos: LatticeNode = { start: 0, end: 0, backtrace: 0, prev: undefined };
    const endsAt: LatticeNode[][] = Array.from({ length: n + 1 }, () => []);
    endsAt[0]!.push(bos);
    for (let pos = 0; pos < n; pos++) {
      const left = endsAt[pos]!;
      let node: TrieNode | undefined = this.#root;
      let single = false;
      for (let end = pos; end < n && node !== undefined; end++) {
        node = node.children.get(sentence[end] as string);
        if (!node?.leaf) continue;
        const id = this.#ids.get(sentence.slice(pos, end + 1)) as number;
        endsAt[end + 1]!.push(linked(left, pos, end + 1, this.#scores[id] as number));
        if (end === pos) single = true;
      }
      if (!single) endsAt[pos + 1]!.push(linked(left, pos, pos + 1, this.#scores[this.#unkId] as number));
    }
    const pieces: string[] = [];
    for (let node = linked(endsAt[n]!, n, n, 0).prev; node?.prev !== undefined; node = node.prev) pieces.push(sentence.slice(node.start, node.end));
    return pieces.reverse();
  }

  #idOf(token: string): number {
    return this.#ids.get(token) ?? this.#unkId;
  }
}

interface LatticeNode {
  start: number;
  end: number;
  backtrace: number;
  prev: LatticeNode | undefined;
}

function linked(left: readonly LatticeNode[], start: number, end: number, score: number): LatticeNode {
  let prev: LatticeNode | undefined;
  let backtrace = 0;
  for (const candidate of left) {
    const total = candidate.backtrace + score;
    if (prev === undefined || total > backtrace) [prev, backtrace] = [candidate, total];
  }
  return { start, end, backtrace, prev };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
