// Empties dist/ before the two tsup builds (library and CLI), which run in
// parallel and so cannot each clean it.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
