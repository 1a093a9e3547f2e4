import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import semver from 'semver'
import t from 'tap'

// The image cannot be built on this machine (no registry for base images), so the suite checks
// what would break it: a Node line that a production dependency no longer supports.
const root = join(import.meta.dirname, '..')
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8')

interface LockedPackage {
  dev?: boolean
  engines?: { node?: string }
}
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>
}
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }

/** Production packages of the lockfile whose `engines.node` no release of the given Node line satisfies. */
function refusing(major: number): string[] {
  const line = `>=${major}.0.0 <${major + 1}.0.0`
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.dev !== true && typeof entry.engines?.node === 'string')
    .filter(([, entry]) => !semver.intersects(entry.engines!.node!, line))
    .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')} (${entry.engines!.node})`)
}

t.test('both stages of the image run on one Node line, stated once', async (t) => {
  const froms = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((match) => match[1])
  t.equal(froms.length, 2, 'a build stage and a runtime stage')
  for (const from of froms) t.match(from, /^node:\$\{NODE_VERSION\}-/, `${from} takes the line from NODE_VERSION`)
  t.match(dockerfile, /^ARG NODE_VERSION=\d+$/m)
})

t.test('the image runs an LTS line that every production dependency and the package accept', async (t) => {
  const major = Number(/^ARG NODE_VERSION=(\d+)$/m.exec(dockerfile)?.[1])
  t.ok(major % 2 === 0, `Node ${major} is an even, long-term-support line`)
  t.same(refusing(major), [], `production dependencies accept Node ${major}`)
  t.ok(semver.intersects(manifest.engines.node, `>=${major}.0.0 <${major + 1}.0.0`), 'package.json engines')
})

t.test('the check finds a line a dependency has left', async (t) => {
  // Node 18 is past every supported range of this lockfile; a check that passed it could not fail.
  t.ok(refusing(18).length > 0, refusing(18).slice(0, 3).join(', '))
})
