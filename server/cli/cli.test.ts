// The operator CLI, run the way operators run it: a child process on a data directory, then the result checked
// through the app (sign-in) or the database. Embedded database only (the CLI's backup/restore are embedded-only).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openEmbedded, rowsOf } from '../db/client';
import { seedDemo } from '../seed/run';
import { fieldCipher } from '../platform/crypto';
import { takeDataDirLock } from '../platform/lock-file';
import ExcelJS from 'exceljs';
import { UNIT_SHEET, unitColumns, writeSheet } from '../modules/network/network-xlsx.columns';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let work: string;
let dataDir: string;

type Run = { code: number; stdout: string; stderr: string };
function wm(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: root, env: childEnv, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Opens the data directory in this process (the CLI is not running), hands over an app on it, closes. */
async function withApp<T>(fn: (app: Awaited<ReturnType<typeof buildApp>>, db: Awaited<ReturnType<typeof openEmbedded>>) => Promise<T>): Promise<T> {
  const database = await openEmbedded(dataDir);
  const app = await buildApp({ database, config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SECRET_KEY: 'cli-test-secret-key-0123456789abcdefghij' }), version: 'test' });
  try {
    await app.ready();
    return await fn(app, database);
  } finally {
    await app.close();
    await database.close();
  }
}

function signIn(app: Awaited<ReturnType<typeof buildApp>>, phone: string, password: string) {
  return app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { phone, password } });
}

async function phones(): Promise<string[]> {
  const database = await openEmbedded(dataDir);
  try {
    return rowsOf<{ phone: string }>(await database.db.execute(sql`select phone from accounts order by phone`)).map((r) => r.phone);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'wm-cli-'));
  dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir);
  const database = await openEmbedded(dataDir);
  await database.migrate();
  await seedDemo(database.db, { volunteers: false });
  await database.close();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('wm help and bad arguments', { timeout: 120_000 }, () => {
  it('lists every command with Chinese and English help', async () => {
    const r = await wm(['help']);
    expect(r.code).toBe(0);
    for (const c of ['create-admin', 'reset-password', 'export-network', 'import-network', 'backup', 'restore']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    }
    expect(r.stdout).toContain('创建管理员账号');
    expect(r.stdout).toContain('create a staff admin');
  });

  it('exits 2 and names the argument that is wrong', async () => {
    const cases: [string[], RegExp][] = [
      [['create-admin', '--phone', '13900000001', '--name', 'X', '--password', 'Abcdefg1'], /missing --unit/],
      [['create-admin', '--phone', '13900000001', '--name', 'X', '--password', 'abcdefgh', '--unit', '330303'], /--password: /],
      [['create-admin', '--phone', '123', '--name', 'X', '--password', 'Abcdefg1', '--unit', '330303'], /--phone: /],
      [['create-admin', '--phone', '13900000001', '--name', 'X', '--password', 'Abcdefg1', '--unit', '330303', '--role', 'king'], /--role: /],
      [['reset-password', '--phone', '13900000001', '--pasword', 'Abcdefg1'], /unknown argument --pasword/],
      [['reset-password', '--phone', '13900000001', '--password'], /--password needs a value/],
      [['restore', '--file', path.join(os.tmpdir(), 'no-such-backup.tar.gz')], /--file: .* does not exist/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    const runs = await Promise.all(cases.map(([args]) => wm(args)));
    cases.forEach(([args, message], i) => {
      expect({ args, code: runs[i].code }).toEqual({ args, code: 2 });
      expect(runs[i].stderr).toMatch(message);
    });
  });

  it('refuses a unit code that does not exist, naming --unit, and writes nothing', async () => {
    const r = await wm(['create-admin', '--phone', '13900000002', '--name', 'X', '--password', 'Abcdefg1', '--unit', '999999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--unit: .*999999/);
    expect(await phones()).not.toContain('13900000002');
  });

  it('sends PostgreSQL users to pg_dump for backups', async () => {
    const r = await wm(['backup', '--out', path.join(work, 'pg.tar.gz')], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pg_dump');
  });
});

describe('wm create-admin and reset-password', { timeout: 120_000 }, () => {
  it('creates an admin who can sign in with the role of the unit level, audited as cli', async () => {
    const r = await wm(['create-admin', '--phone', '13900000011', '--name', '新管理员', '--password', 'Wm-admin-1', '--unit', '330303']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await withApp(async (app, database) => {
      const res = await signIn(app, '13900000011', 'Wm-admin-1');
      expect(res.statusCode).toBe(200);
      expect(res.json().account.grants).toEqual([expect.objectContaining({ role: 'district_admin', unitCode: '330303' })]);
      const audit = rowsOf<{ actor_label: string; action: string }>(
        await database.db.execute(sql`select actor_label, action from audit_log where action = 'account.created'`),
      );
      expect(audit).toEqual([{ actor_label: 'cli', action: 'account.created' }]);
    });
  });

  it('refuses a phone that already has an account', async () => {
    const r = await wm(['create-admin', '--phone', '13900000011', '--name', '重复', '--password', 'Wm-admin-2', '--unit', '330303']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--phone/);
  });

  it('resets a password: the old one and the open sessions stop working, the new one works even after a lock-out', async () => {
    const cookie = await withApp(async (app) => {
      const res = await signIn(app, '13900000011', 'Wm-admin-1');
      for (let i = 0; i < 5; i++) await signIn(app, '13900000011', 'Wrong-pass-1');
      expect((await signIn(app, '13900000011', 'Wm-admin-1')).statusCode).toBe(423);
      return `wm_session=${res.cookies.find((c) => c.name === 'wm_session')!.value}`;
    });
    const r = await wm(['reset-password', '--phone', '13900000011', '--password', 'Fresh#pass9']);
    expect(r.code).toBe(0);
    await withApp(async (app) => {
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
      expect((await signIn(app, '13900000011', 'Wm-admin-1')).statusCode).toBe(401);
      expect((await signIn(app, '13900000011', 'Fresh#pass9')).statusCode).toBe(200);
    });
  });
});

async function unitCodes(): Promise<string[]> {
  const database = await openEmbedded(dataDir);
  try {
    return rowsOf<{ code: string }>(await database.db.execute(sql`select code from units order by code`)).map((r) => r.code);
  } finally {
    await database.close();
  }
}

async function unitWorkbook(file: string, rows: Record<string, string>[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  writeSheet(wb.addWorksheet(UNIT_SHEET), unitColumns, rows);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('wm import-network and export-network', { timeout: 120_000 }, () => {
  const newInstitute = { code: '330303099', parentCode: '330303', name: '命令行测试实践所', address: '测试路 1 号' };

  it('checks a file without writing on --dry-run, then imports it', async () => {
    const file = await unitWorkbook(path.join(work, 'units.xlsx'), [newInstitute]);
    const dry = await wm(['import-network', '--file', file, '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/units 单位: 1 new/);
    expect(await unitCodes()).not.toContain('330303099');

    const real = await wm(['import-network', '--file', file]);
    expect(real.code).toBe(0);
    expect(await unitCodes()).toContain('330303099');
  });

  it('refuses a file with a bad row, reports the row, and writes nothing', async () => {
    const file = await unitWorkbook(path.join(work, 'bad-units.xlsx'), [
      { code: '330303098', parentCode: '330303', name: '好的一行' },
      { code: '440000001', parentCode: '330303', name: '编码不延续上级' },
    ]);
    const r = await wm(['import-network', '--file', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/row 3/);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(await unitCodes()).not.toContain('330303098');
  });

  it('exports the subtree under a unit to an .xlsx that holds its rows', async () => {
    const out = path.join(work, 'export.xlsx');
    const r = await wm(['export-network', '--out', out, '--under', '330303099']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const codes = wb.getWorksheet(UNIT_SHEET)!.getColumn(1).values.slice(2).map(String);
    expect(codes).toEqual(['330303099']);
  });
});

describe('wm backup and restore', { timeout: 120_000 }, () => {
  it('restores a backup: the admin made before it is back, the one made after it is gone', async () => {
    const file = path.join(work, 'backup.tar.gz');
    const b = await wm(['backup', '--out', file]);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);

    const later = await wm(['create-admin', '--phone', '13900000012', '--name', '之后', '--password', 'Wm-admin-3', '--unit', '330303']);
    expect(later.code).toBe(0);
    expect(await phones()).toContain('13900000012');

    const r = await wm(['restore', '--file', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const now = await phones();
    expect(now).toContain('13900000011');
    expect(now).not.toContain('13900000012');
    // The previous folder was set aside only until the restore succeeded.
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('.bak') || f.startsWith('.restoring'))).toEqual([]);
    await withApp(async (app) => {
      expect((await signIn(app, '13900000011', 'Fresh#pass9')).statusCode).toBe(200);
    });
  });

  it('refuses a file that is not a backup, leaving the data as it was', async () => {
    const junk = path.join(work, 'junk.tar.gz');
    fs.writeFileSync(junk, 'not a backup');
    const r = await wm(['restore', '--file', junk]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--file: /);
    expect(await phones()).toContain('13900000011');
  });

  it("refuses a backup whose ID numbers this deployment's key cannot read (a backup of another installation)", async () => {
    const foreign = fieldCipher('another-installation-key-0123456789abcdef');
    const database = await openEmbedded(dataDir);
    try {
      await database.db.execute(sql`insert into volunteers (name, phone, id_cipher, id_hash, id_masked)
        values ('外来备份', '13700000099', ${foreign.encrypt('11010519491231002X')}, ${foreign.hash('x')}, '110***********002X')`);
    } finally {
      await database.close();
    }
    const file = path.join(work, 'foreign.tar.gz');
    expect((await wm(['backup', '--out', file])).code).toBe(0);
    const r = await wm(['restore', '--file', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('密钥与备份不匹配');
    // The current data is untouched.
    expect(await phones()).toContain('13900000011');
  });
});

describe('the data-directory lock', { timeout: 120_000 }, () => {
  it('refuses every command while another process holds the data directory', async () => {
    const release = takeDataDirLock(dataDir); // this test process stands in for a running server
    try {
      const create = await wm(['create-admin', '--phone', '13900000013', '--name', 'X', '--password', 'Wm-admin-4', '--unit', '330303']);
      expect(create.code).toBe(1);
      expect(create.stderr).toContain(`pid ${process.pid}`);
      const restore = await wm(['restore', '--file', path.join(work, 'backup.tar.gz')]);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain(`pid ${process.pid}`);
    } finally {
      release();
    }
    expect(await phones()).not.toContain('13900000013');
  });
});
