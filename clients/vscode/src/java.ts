import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const MINIMUM_JAVA = 17;
export const JDK_DOWNLOAD = 'https://adoptium.net/';

/** A Java runtime that can run the server. */
export interface Java {
  executable: string;
  version: string;
  /** Where it was found, for the log: the setting, JAVA_HOME or PATH. */
  origin: string;
}

/** Why no Java could be used; the message is meant for the user. */
export class JavaProblem extends Error {}

const executableName = process.platform === 'win32' ? 'java.exe' : 'java';

/**
 * Finds Java 17+: the `greenlight.java.home` setting, else JAVA_HOME, else `java` on the PATH.
 * A setting that names no usable Java is an error of its own rather than a silent fallback, so
 * that the user learns their setting is wrong.
 */
export async function findJava(configuredHome: string | null | undefined, env = process.env): Promise<Java> {
  if (configuredHome) {
    const executable = inHome(configuredHome);
    if (!executable) {
      throw new JavaProblem(`greenlight.java.home is "${configuredHome}", which has no bin/${executableName}.`);
    }
    return checked(executable, 'the greenlight.java.home setting');
  }
  const rejected: string[] = [];
  if (env.JAVA_HOME) {
    const executable = inHome(env.JAVA_HOME);
    if (executable) {
      try {
        return await checked(executable, 'JAVA_HOME');
      } catch (problem) {
        rejected.push(String((problem as Error).message));
      }
    } else {
      rejected.push(`JAVA_HOME is "${env.JAVA_HOME}", which has no bin/${executableName}.`);
    }
  }
  const onPath = searchPath(env.PATH ?? '');
  if (onPath) {
    try {
      return await checked(onPath, 'PATH');
    } catch (problem) {
      rejected.push(String((problem as Error).message));
    }
  } else {
    rejected.push(`There is no ${executableName} on the PATH.`);
  }
  throw new JavaProblem(`greenlight needs Java ${MINIMUM_JAVA} or newer to run its server. ${rejected.join(' ')}`);
}

function inHome(home: string): string | undefined {
  const executable = path.join(home, 'bin', executableName);
  return isFile(executable) ? executable : undefined;
}

function searchPath(searchPath: string): string | undefined {
  for (const folder of searchPath.split(path.delimiter)) {
    if (folder) {
      const executable = path.join(folder, executableName);
      if (isFile(executable)) {
        return executable;
      }
    }
  }
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

async function checked(executable: string, origin: string): Promise<Java> {
  const version = await versionOf(executable);
  if (majorVersion(version) < MINIMUM_JAVA) {
    throw new JavaProblem(`${executable} (from ${origin}) is Java ${version}; greenlight needs ${MINIMUM_JAVA} or newer.`);
  }
  return { executable, version, origin };
}

/** The version `java -version` reports (on standard error), such as "17.0.15" or "1.8.0_402". */
function versionOf(executable: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(executable, ['-version'], { timeout: 20_000 }, (error, stdout, stderr) => {
      const match = /version "([^"]+)"/.exec(`${stderr}\n${stdout}`);
      if (match) {
        resolve(match[1]);
      } else {
        reject(new JavaProblem(`${executable} -version failed: ${error?.message ?? stderr.trim()}`));
      }
    });
  });
}

/** 17 for "17.0.15", 21 for "21-ea", 8 for "1.8.0_402" (the scheme before Java 9). */
export function majorVersion(version: string): number {
  const parts = version.split(/[.\-+_]/).map((part) => Number.parseInt(part, 10));
  return parts[0] === 1 && parts.length > 1 ? parts[1] : parts[0];
}
