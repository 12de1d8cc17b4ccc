// How the extension finds Java (src/java.ts), with stand-in `java` programs that print what a real
// JDK prints to `java -version`. Run by `npm test` (bundled by esbuild, run by node --test).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { findJava, JavaProblem, majorVersion } from '../src/java';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'greenlight-java-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));

/** A folder holding bin/java that reports `version` the way OpenJDK does. */
function fakeJdk(name: string, version: string): string {
  const home = path.join(root, name);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  const java = path.join(home, 'bin', 'java');
  fs.writeFileSync(java, `#!/bin/sh\necho 'openjdk version "${version}" 2024-01-16' >&2\necho 'OpenJDK Runtime Environment' >&2\n`);
  fs.chmodSync(java, 0o755);
  return home;
}

const jdk17 = fakeJdk('jdk-17', '17.0.10');
const jdk21 = fakeJdk('jdk-21', '21.0.2');
const jdk11 = fakeJdk('jdk-11', '11.0.22');
const jdk8 = fakeJdk('jdk-8', '1.8.0_402');
const empty = path.join(root, 'not-a-jdk');
fs.mkdirSync(empty);
const bin = (home: string) => path.join(home, 'bin');

test('the setting comes first', async () => {
  const java = await findJava(jdk21, { JAVA_HOME: jdk17, PATH: bin(jdk17) });
  assert.equal(java.executable, path.join(jdk21, 'bin', 'java'));
  assert.equal(java.version, '21.0.2');
  assert.equal(java.origin, 'the greenlight.java.home setting');
});

test('JAVA_HOME comes before the PATH', async () => {
  const java = await findJava(null, { JAVA_HOME: jdk21, PATH: bin(jdk17) });
  assert.equal(java.executable, path.join(jdk21, 'bin', 'java'));
  assert.equal(java.origin, 'JAVA_HOME');
});

test('the PATH is searched in order', async () => {
  const java = await findJava(undefined, { PATH: [empty, bin(jdk17), bin(jdk21)].join(path.delimiter) });
  assert.equal(java.executable, path.join(jdk17, 'bin', 'java'));
  assert.equal(java.origin, 'PATH');
});

test('a setting without bin/java is an error, not a fallback', async () => {
  await assert.rejects(findJava(empty, { PATH: bin(jdk17) }), (error: Error) =>
    error instanceof JavaProblem && error.message.includes(`greenlight.java.home is "${empty}"`));
});

test('a setting naming Java 11 is refused', async () => {
  await assert.rejects(findJava(jdk11, {}), (error: Error) =>
    error instanceof JavaProblem && error.message.includes('is Java 11.0.22; greenlight needs 17 or newer'));
});

test('an old JAVA_HOME falls back to the PATH', async () => {
  const java = await findJava(null, { JAVA_HOME: jdk8, PATH: bin(jdk17) });
  assert.equal(java.version, '17.0.10');
});

test('no usable Java says what was tried', async () => {
  await assert.rejects(findJava(null, { JAVA_HOME: empty, PATH: bin(jdk11) }), (error: Error) =>
    error instanceof JavaProblem
      && error.message.startsWith('greenlight needs Java 17 or newer to run its server.')
      && error.message.includes(`JAVA_HOME is "${empty}", which has no bin/java.`)
      && error.message.includes('is Java 11.0.22'));
  await assert.rejects(findJava(null, { PATH: empty }), (error: Error) =>
    error instanceof JavaProblem && error.message.includes('There is no java on the PATH.'));
});

test('major versions, old and new schemes', () => {
  assert.equal(majorVersion('17.0.15'), 17);
  assert.equal(majorVersion('21'), 21);
  assert.equal(majorVersion('22-ea'), 22);
  assert.equal(majorVersion('1.8.0_402'), 8);
});
