/**
 * The log's default destination: stdout through pino's own SonicBoom, buffered. Writing each line
 * on its own costs a write on libuv's thread pool per line — two per checkout; buffered, lines go
 * out in blocks of 4 KB, and at the latest a second after they were logged (a flush timer that does
 * not keep the process alive). pino flushes what is left when the process exits
 * (https://github.com/pinojs/pino/blob/main/docs/asynchronous.md).
 */
import pino from "pino";

/** A block of lines written at once. */
const BLOCK_BYTES = 4096;
/** How late a line may reach stdout at most. */
const FLUSH_INTERVAL_MS = 1000;

/** `fd`: stdout unless a test names another file. */
export function bufferedStdout(fd = 1): pino.DestinationStream {
  const stream = pino.destination({ dest: fd, sync: false, minLength: BLOCK_BYTES });
  let pending = false;
  const timer = setInterval(() => {
    if (!pending) return;
    pending = false;
    stream.flush();
  }, FLUSH_INTERVAL_MS);
  timer.unref();
  stream.on("close", () => clearInterval(timer));
  return {
    write(line: string) {
      pending = true;
      stream.write(line);
    },
  };
}
