import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/**
 * A text file written piece by piece: pieces are gathered up to `bufferChars` characters, then
 * handed to the file stream with its back-pressure honoured, so that a file of any size is
 * never held whole in memory.
 */
export class TextFileWriter {
  readonly path: string;
  readonly #stream: WriteStream;
  readonly #bufferChars: number;
  #pieces: string[] = [];
  #chars = 0;

  constructor(path: string, bufferChars = 1 << 20) {
    this.path = path;
    this.#stream = createWriteStream(path);
    this.#bufferChars = bufferChars;
  }

  /** Adds text; waits only when the buffer is handed to a stream that asks to wait. */
  async write(text: string): Promise<void> {
    this.#pieces.push(text);
    this.#chars += text.length;
    if (this.#chars >= this.#bufferChars) await this.#flush();
  }

  /** Writes raw bytes (a byte-order mark) after what was written so far. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.#flush();
    if (!this.#stream.write(bytes)) await once(this.#stream, 'drain');
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    await this.#flush();
    this.#stream.end();
    await finished(this.#stream);
  }

  async #flush(): Promise<void> {
    if (this.#pieces.length === 0) return;
    const chunk = this.#pieces.join('');
    this.#pieces = [];
    this.#chars = 0;
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain');
  }
}
