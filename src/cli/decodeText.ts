// Reading a file's bytes as text in a given encoding, refusing bytes that are
// not text in it (a Windows-1252 file read as UTF-8 is not silently garbled).
import { createReadStream } from 'node:fs';

/** The encodings the commands read (`--encoding`). */
export const INPUT_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type InputEncoding = (typeof INPUT_ENCODINGS)[number];

/** Bytes that are not text in the encoding, first found on `line` (from 1). */
export class EncodingError extends Error {
  constructor(
    readonly line: number,
    readonly encoding: InputEncoding,
    /** How many of the bytes decoded were whole lines of text before that line. */
    readonly validBytes: number,
  ) {
    super(`line ${line} is not ${encoding} text`);
  }
}

/**
 * What to tell a person whose file is not UTF-8 (or not text): where, and what
 * to do, never the bytes. `whole`: nothing of the file was read (JSON);
 * otherwise the lines before that one were.
 */
export function encodingMessage(error: EncodingError, whole: boolean): string {
  const rest = whole ? 'the file was not read' : 'the file was read up to that line and no further';
  return error.encoding === 'utf-8'
    ? `line ${error.line} is not UTF-8 text (a file saved by Excel as "CSV" is often Windows-1252): re-run with --encoding windows-1252, or save the file as "CSV UTF-8"; ${rest}`
    : `line ${error.line} is not ${error.encoding} text; ${rest}`;
}

const LF = 0x0a;

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}

/**
 * Decodes whole lines (`bytes` ends with a line feed, or is the end of the
 * file); `linesBefore` is the number of lines before them. Throws an
 * {@link EncodingError} naming the first line that is not text in the encoding.
 * A line feed (0x0A) is never part of a longer character in UTF-8 or
 * Windows-1252, so lines can be cut at it before decoding.
 */
export function decodeLines(bytes: Uint8Array, encoding: InputEncoding, linesBefore: number): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    let line = linesBefore + 1;
    let start = 0;
    for (; start < bytes.length; line++) {
      const lf = bytes.indexOf(LF, start);
      const end = lf < 0 ? bytes.length : lf + 1;
      try {
        new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start, end));
      } catch {
        break;
      }
      start = end;
    }
    throw new EncodingError(line, encoding, start);
  }
}

/** Whether this Node.js can decode `encoding` (Windows-1252 needs Node's ICU data, which official builds have). */
export function canDecode(encoding: InputEncoding): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

/**
 * The text of a file in pieces of whole lines, decoded as `encoding`, with a
 * leading byte order mark removed. `onBytes` is called with the size of each
 * chunk read. Throws an {@link EncodingError} at the first line that is not
 * text in the encoding (the pieces before it have been yielded), or the file
 * system's error.
 */
export async function* readTextPieces(path: string, encoding: InputEncoding, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  const stream = createReadStream(path);
  let carry: Uint8Array = new Uint8Array(0);
  let lines = 0;
  let first = true;
  let failure: EncodingError | null = null;
  const piece = (bytes: Uint8Array): string => {
    let text: string;
    try {
      text = decodeLines(bytes, encoding, lines);
    } catch (e) {
      // Hand over the whole lines before the one that is not text, then stop.
      if (!(e instanceof EncodingError) || e.validBytes === 0) throw e;
      failure = e;
      text = decodeLines(bytes.subarray(0, e.validBytes), encoding, lines);
    }
    lines += countLines(bytes);
    if (first) {
      first = false;
      text = text.replace(/^\uFEFF/, '');
    }
    return text;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes(chunk.length);
      const all = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      const cut = all.lastIndexOf(LF);
      if (cut < 0) {
        carry = all;
        continue;
      }
      carry = all.subarray(cut + 1);
      yield piece(all.subarray(0, cut + 1));
      if (failure !== null) throw failure;
    }
    if (carry.length > 0) yield piece(carry);
    if (failure !== null) throw failure;
  } finally {
    stream.destroy();
  }
}
