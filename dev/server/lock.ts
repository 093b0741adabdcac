/**
 * One server per data folder: two servers would each keep their own copy of the data in
 * memory and overwrite each other's writes. The holder's pid is kept in `<dir>/.lock`
 * (created exclusively); a lock whose process no longer runs (kill -9, power loss) is
 * taken over.
 */
import * as fs from 'fs';
import * as path from 'path';

export const LOCK_FILE = '.lock';

export class DataFolderLockedError extends Error {
  public readonly code = 'ELOCKED';
  public readonly dir: string;
  public readonly pid: number;

  public constructor(dir: string, pid: number) {
    super(
      `De gegevensmap ${dir} is al in gebruik door een andere lokale server (PID ${pid}). Stop die server eerst, of kies een andere map met LOCAL_SP_DATA.\n` +
        `The data folder ${dir} is in use by another local server (PID ${pid}). Stop that server first, or choose another folder with LOCAL_SP_DATA.`
    );
    this.name = 'DataFolderLockedError';
    this.dir = dir;
    this.pid = pid;
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A killed process not yet reaped by its parent still answers kill(pid, 0) (Linux: state Z). */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** The pid in a lock file, or undefined when there is no (readable) lock. */
export function lockHolder(dir: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const pid = parseInt(text.trim(), 10);
  return pid > 0 ? pid : undefined;
}

/** Takes the folder's lock or throws DataFolderLockedError; returns the release function. */
export function acquireLock(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  fs.mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => releaseLock(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = lockHolder(dir);
    if (holder !== undefined && isRunning(holder)) throw new DataFolderLockedError(dir, holder);
    // Stale (holder gone) or unreadable (holder died between create and write): take it over.
    fs.rmSync(file, { force: true });
  }
  throw new DataFolderLockedError(dir, lockHolder(dir) ?? 0);
}

function releaseLock(file: string): void {
  // Only our own lock: never remove one a later server took over.
  if (lockHolder(path.dirname(file)) === process.pid) fs.rmSync(file, { force: true });
}
