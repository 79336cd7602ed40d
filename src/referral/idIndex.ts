// An index of event ids for the hot paths of replay and the metrics (issue
// 14): every event of a log is looked up once, a million times for a year of
// a large service. A JavaScript Set of that many strings spends its time
// growing, chasing its entries through memory and, above all, in the garbage
// collector, which walks its million references again and again. This table
// holds no reference at all: each entry is an id's hash and a number (a
// position in a list the caller keeps anyway: the events applied, the ring of
// recent ids), side by side in a typed array outside the collected heap. A
// lookup reads one slot, usually, and asks the caller for a string only when
// the hashes agree. Open addressing with linear probing, at most half full;
// removal shifts the following entries back (no tombstones), so the window of
// recent ids the metrics keep costs the same however long the stream.

/** @internal FNV-1a over the UTF-16 code units of a string, never 0 (0 marks an empty slot). */
export function hashId(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h === 0 ? 1 : h;
}

/** @internal Ids by their hash, each entry a number the caller turns back into its id (see the file's comment). */
export interface IdIndex {
  /** Whether an entry has the id `id`, whose hash is `hash`. */
  has(id: string, hash: number): boolean;
  /** Adds an entry for an id whose hash is `hash` (the caller knows it is not there yet). */
  add(hash: number, ref: number): void;
  /** Removes the entry `ref`, added with `hash`. */
  remove(hash: number, ref: number): void;
}

/** @internal An empty {@link IdIndex}; `idOf(ref)` is the id of entry `ref`. */
export function createIdIndex(idOf: (ref: number) => string): IdIndex {
  let capacity = 1024;
  let mask = capacity - 1;
  /** Slot `i` holds a hash at `2i` (0: empty) and its entry at `2i + 1`. */
  let slots = new Int32Array(capacity * 2);
  let size = 0;
  const home = (h: number): number => (h ^ (h >>> 15)) & mask;

  const grow = (): void => {
    const old = slots;
    capacity *= 2;
    mask = capacity - 1;
    slots = new Int32Array(capacity * 2);
    for (let i = 0; i < old.length; i += 2) {
      const h = old[i]!;
      if (h === 0) continue;
      let j = home(h);
      while (slots[2 * j] !== 0) j = (j + 1) & mask;
      slots[2 * j] = h;
      slots[2 * j + 1] = old[i + 1]!;
    }
  };

  return {
    has(id: string, hash: number): boolean {
      for (let i = home(hash); slots[2 * i] !== 0; i = (i + 1) & mask) {
        if (slots[2 * i] === hash && idOf(slots[2 * i + 1]!) === id) return true;
      }
      return false;
    },
    add(hash: number, ref: number): void {
      let i = home(hash);
      while (slots[2 * i] !== 0) i = (i + 1) & mask;
      slots[2 * i] = hash;
      slots[2 * i + 1] = ref;
      if (++size * 2 > capacity) grow();
    },
    remove(hash: number, ref: number): void {
      let i = home(hash);
      for (;;) {
        if (slots[2 * i] === 0) return;
        if (slots[2 * i] === hash && slots[2 * i + 1] === ref) break;
        i = (i + 1) & mask;
      }
      // Shift back each following entry of the run whose home is not in the cyclic range (i, j].
      for (let j = (i + 1) & mask; slots[2 * j] !== 0; j = (j + 1) & mask) {
        const k = home(slots[2 * j]!);
        if (i <= j ? k <= i || k > j : k <= i && k > j) {
          slots[2 * i] = slots[2 * j]!;
          slots[2 * i + 1] = slots[2 * j + 1]!;
          i = j;
        }
      }
      slots[2 * i] = 0;
      size--;
    },
  };
}
