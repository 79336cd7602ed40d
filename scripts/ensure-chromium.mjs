// Makes sure Debian's Chromium is installed for the browser tests. CI starts
// on a fresh machine, so the test command installs it (apt-get) when it is
// missing; a test tool's own browser download is never used.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  console.log('Installing Debian chromium for the browser tests...');
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
}
if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is still missing`);
  process.exit(1);
}
console.log(`chromium: ${CHROMIUM}`);
