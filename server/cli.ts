// Operator CLI: `npm run wm -- <command> [options]`. Uses DATA_DIR / DATABASE_URL like the server, takes the
// data-dir lock on the embedded database, migrates first, audits as 'cli'. Exit codes: 0 done, 1 failed,
// 2 called wrongly (unknown command, bad or missing argument).
import { CliFailure, UsageError } from './cli/args';

// Command modules load on demand: `help` and usage errors answer without loading the database stack.
const accounts = () => import('./cli/accounts');
const network = () => import('./cli/network');
const backup = () => import('./cli/backup');

type Command = { usage: string; zh: string; en: string; run(argv: string[]): Promise<void> };

const commands: Record<string, Command> = {
  'create-admin': {
    usage: '--phone P --name N --password X --unit CODE [--role district_admin|institute_admin|station_admin]',
    zh: '创建管理员账号（角色默认按单位层级：区中心/实践所/实践站）',
    en: 'create a staff admin on a unit (role defaults from the unit level)',
    run: async (argv) => (await accounts()).createAdminCommand(argv),
  },
  'reset-password': {
    usage: '--phone P --password X',
    zh: '重置账号密码并使其在所有设备上退出',
    en: "reset an account's password and end its sessions",
    run: async (argv) => (await accounts()).resetPasswordCommand(argv),
  },
  'export-network': {
    usage: '--out file.xlsx [--under CODE]',
    zh: '导出实践网络（单位、阵地）为 Excel',
    en: 'export the practice network (units and sites) to .xlsx',
    run: async (argv) => (await network()).exportNetworkCommand(argv),
  },
  'import-network': {
    usage: '--file file.xlsx [--dry-run]',
    zh: '从 Excel 导入实践网络（任一行有错则全部不写入）',
    en: 'import the network from .xlsx (nothing is written if any row fails)',
    run: async (argv) => (await network()).importNetworkCommand(argv),
  },
  backup: {
    usage: '--out file.tar.gz',
    zh: '备份内置数据库到一个文件（PostgreSQL 请用 pg_dump）',
    en: 'back up the embedded database to one file (PostgreSQL: use pg_dump)',
    run: async (argv) => (await backup()).backupCommand(argv),
  },
  restore: {
    usage: '--file file.tar.gz [--keep-previous]',
    zh: '从备份恢复内置数据库（须先停止服务）',
    en: 'restore the embedded database from a backup (stop the server first)',
    run: async (argv) => (await backup()).restoreCommand(argv),
  },
};

function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.zh}\n  ${' '.repeat(width)}  ${c.en}`);
  return [
    '文明实践云 运维命令 / Wenming operator CLI',
    '',
    'usage: npm run wm -- <command> [options]    (npm run wm -- help <command> for its options)',
    '',
    'commands:',
    ...lines,
    `  ${'help'.padEnd(width)}  显示本帮助 / show this help`,
    '',
    'Uses DATA_DIR (default ./data) or DATABASE_URL like the server. Embedded database: stop the server first.',
    '与服务器使用相同的 DATA_DIR / DATABASE_URL；使用内置数据库时须先停止服务。',
  ].join('\n');
}

function commandHelp(name: string): string {
  const c = commands[name];
  return `usage: npm run wm -- ${name} ${c.usage}\n  ${c.zh}\n  ${c.en}`;
}

async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0];
    if (topic && commands[topic]) {
      console.log(commandHelp(topic));
      return 0;
    }
    if (topic) {
      console.error(`unknown command "${topic}" / 未知命令 "${topic}"\n\n${helpText()}`);
      return 2;
    }
    console.log(helpText());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}" / 未知命令 "${name}"\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(commandHelp(name));
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${name}: ${e.message}\n\n${commandHelp(name)}`);
      return 2;
    }
    if (e instanceof CliFailure) {
      console.error(`${name}: ${e.message}`);
      return e.exitCode;
    }
    console.error(`${name} failed / 执行失败:`, e);
    return 1;
  }
}

process.exitCode = await runCli(process.argv.slice(2));
