// The `social-prescribing` command. Everything that touches the file system
// or the process lives in src/cli; the rest of the package is pure.
import { isClassifyWorker, serveClassifyWorker } from './classifyWorkers';
import { run } from './program';

// The same program runs `classify`'s worker threads (classifyWorkers.ts).
if (isClassifyWorker()) {
  void serveClassifyWorker();
} else {
  void run(process.argv).then((code) => {
    process.exitCode = code;
  });
}
