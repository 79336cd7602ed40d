/**
 * A progress bar on stderr, shown only when stderr is a terminal, not in CI,
 * and only once a batch has passed a few hundred schemes.
 */
export class Progress {
  private readonly enabled: boolean;
  private shown = false;
  private lastDraw = 0;
  private lastLook = 0;
  private readonly started = Date.now();

  constructor(
    private readonly totalBytes: number,
    options: { readonly disabled?: boolean } = {},
  ) {
    const ci = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
    this.enabled = options.disabled !== true && process.stderr.isTTY === true && !ci;
  }

  /** Called after each scheme, or batch of schemes, with the number of schemes done and the bytes read so far. */
  update(schemes: number, bytes: number): void {
    // Look at the clock only every 64 schemes: a batch can run at 100,000 schemes a second.
    if (!this.enabled || schemes < 300 || schemes - this.lastLook < 64) return;
    this.lastLook = schemes;
    const now = Date.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.shown = true;
    const fraction = this.totalBytes > 0 ? Math.min(1, bytes / this.totalBytes) : 0;
    const width = 30;
    const filled = Math.round(fraction * width);
    const rate = schemes / Math.max(0.001, (now - this.started) / 1000);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${schemes.toLocaleString('en-GB')} schemes  ${Math.round(rate).toLocaleString('en-GB')}/s`;
    process.stderr.write(`\r${line}\u001b[K`);
  }

  /** Removes the bar. */
  done(): void {
    if (this.shown) process.stderr.write('\r\u001b[K');
  }
}
