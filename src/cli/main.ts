// The `social-prescribing` command. Everything that touches the file system
// or the process lives in src/cli; the rest of the package is pure.
import { run } from './program';

void run(process.argv).then((code) => {
  process.exitCode = code;
});
