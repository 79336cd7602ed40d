import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { CliError, EXIT } from './exitCodes';

/** About how long each piece of formatted text is (in UTF-16 code units). */
export const PIECE = 32 * 1024;

/**
 * Text collected in pieces of about {@link PIECE} characters: a whole run's
 * JSON can be megabytes, and one string that large is allocated with the
 * long-lived objects, where it stays until the next full collection.
 */
export function pieces(): { add(text: string): void; done(): string[] } {
  const all: string[] = [];
  let piece = '';
  return {
    add(text) {
      piece += text;
      if (piece.length >= PIECE) {
        all.push(piece);
        piece = '';
      }
    },
    done() {
      if (piece !== '') all.push(piece);
      return all;
    },
  };
}

/** Buffers text and writes it to a stream in large chunks, respecting back-pressure. */
export class Output {
  private buffer: string[] = [];
  private size = 0;
  private failed: Error | null = null;

  private constructor(
    private readonly stream: Writable,
    private readonly ownsStream: boolean,
  ) {
    stream.on('error', (e: Error) => {
      this.failed = e;
    });
  }

  /** Standard output, or the file `path` (created or replaced). */
  static open(path: string | undefined): Output {
    if (path === undefined || path === '-') return new Output(process.stdout, false);
    return new Output(createWriteStream(path, { encoding: 'utf8' }), true);
  }

  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    this.check();
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await this.drained();
    this.check();
  }

  /** Waits for 'drain' or 'error', removing both listeners afterwards. */
  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.ownsStream) {
      this.stream.end();
      await Promise.race([once(this.stream, 'finish'), once(this.stream, 'error')]);
    }
    this.check();
  }

  private check(): void {
    if (this.failed !== null) {
      const code = (this.failed as NodeJS.ErrnoException).code;
      // A closed pipe (e.g. `| head`) is the reader's choice, not an error of ours.
      if (code === 'EPIPE') return;
      throw new CliError(`cannot write the output (${code ?? 'error'})`, EXIT.internal);
    }
  }
}
