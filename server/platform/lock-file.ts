// One process per embedded data directory: two PGlite processes on one folder silently lose data.
import fs from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes DATA_DIR/wenming.lock or throws a message naming the process that holds it. Returns the release. */
export function takeDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'wenming.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && alive(holder)) {
        throw new Error(
          `The data directory ${dataDir} is in use by another Wenming process (pid ${holder}). ` +
            `Stop it first, or start this one with another DATA_DIR. / 数据目录正被另一个进程（pid ${holder}）使用。`,
        );
      }
      fs.unlinkSync(file); // stale lock of a process that died
    }
  }
  throw new Error(`Could not take the lock file in ${dataDir}`);
}
