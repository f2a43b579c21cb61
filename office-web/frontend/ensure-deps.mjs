// Runs `npm ci` when node_modules does not match package-lock.json (a fresh clone, or a changed lock), and
// skips it otherwise, so that every Maven build does not reinstall the same packages. The stamp is the lock's
// SHA-256, written after a successful install.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

const here = new URL('.', import.meta.url)
const lock = readFileSync(new URL('package-lock.json', here))
const want = createHash('sha256').update(lock).digest('hex')
const stamp = new URL('node_modules/.tongban-lock-sha256', here)
if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === want) {
  console.log('frontend: node_modules matches package-lock.json')
} else {
  console.log('frontend: npm ci')
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { stdio: 'inherit', cwd: here })
  writeFileSync(stamp, want + '\n')
}
