// Makes sure Debian's headless Chromium is installed for the browser test of
// the HTML report (test/e2e/report.browser.e2e.test.ts). Never downloads a
// browser build of its own: it installs the distribution's `chromium`
// package with apt-get when /usr/bin/chromium is missing (as root, or with
// passwordless sudo). Set SKIP_BROWSER_TESTS=1 to skip the browser test.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

if (process.env.SKIP_BROWSER_TESTS === '1') {
  console.log('ensure-chromium: SKIP_BROWSER_TESTS=1, not checking for Chromium');
  process.exit(0);
}
if (existsSync(CHROMIUM)) {
  console.log(`ensure-chromium: ${CHROMIUM} is installed`);
  process.exit(0);
}
if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
  console.error(`ensure-chromium: ${CHROMIUM} is missing and this is not a Debian-like system; install Chromium there, or set SKIP_BROWSER_TESTS=1`);
  process.exit(1);
}
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const prefix = root ? [] : ['sudo', '-n'];
const run = (args) => {
  console.log(`ensure-chromium: ${[...prefix, ...args].join(' ')}`);
  const [command, ...rest] = [...prefix, ...args];
  const r = spawnSync(command, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) {
    console.error(`ensure-chromium: the command failed (${r.status ?? r.signal}); install Debian's chromium package, or set SKIP_BROWSER_TESTS=1`);
    process.exit(1);
  }
};
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']);
if (!existsSync(CHROMIUM)) {
  console.error(`ensure-chromium: ${CHROMIUM} is still missing after installing the chromium package`);
  process.exit(1);
}
console.log(`ensure-chromium: installed ${CHROMIUM}`);
