/** A one-line progress bar redrawn in place on a terminal. */
export interface ProgressBar {
  tick(label: string): void;
  done(): void;
}

const WIDTH = 30;
const REDRAW_MS = 80;

/**
 * Draws on `stream` only when it is a terminal: piped or captured stderr stays free of
 * carriage returns. Redraws at most every 80 ms, so a fast run costs no terminal time.
 */
export function createProgressBar(stream: NodeJS.WriteStream, total: number, enabled: boolean): ProgressBar {
  if (!enabled || !stream.isTTY) return { tick() {}, done() {} };
  let count = 0;
  let last = 0;
  const draw = (label: string): void => {
    const filled = Math.round((count / total) * WIDTH);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${count}/${total} ${label}\x1b[K`);
  };
  return {
    tick(label) {
      count++;
      const now = Date.now();
      if (now - last >= REDRAW_MS || count === total) {
        last = now;
        draw(label);
      }
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
