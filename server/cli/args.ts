// Argument parsing for the operator CLI. Usage mistakes are UsageErrors: the entry prints them with the
// command's help and exits 2, so scripts can tell "you called it wrong" (2) from "it failed" (1).
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An operational failure with a message fit for the operator (no stack trace); exit code 1 unless given. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export type OptionSpec = { type: 'string' | 'boolean'; required?: boolean };
export type OptionSpecs = Record<string, OptionSpec>;

type Parsed<S extends OptionSpecs> = {
  [K in keyof S]: S[K]['type'] extends 'boolean' ? boolean : S[K]['required'] extends true ? string : string | undefined;
};

/** Parses `--name value` options strictly: unknown options, stray positionals, missing values are usage errors. */
export function parseOptions<S extends OptionSpecs>(argv: string[], specs: S): Parsed<S> {
  const options = Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, { type: s.type }]));
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError(describeParseError(e as Error & { code?: string }));
  }
  for (const [name, spec] of Object.entries(specs)) {
    const v = values[name];
    if (spec.type === 'boolean') {
      values[name] = v === true;
      continue;
    }
    if (v === undefined && spec.required) throw new UsageError(`missing --${name} / 缺少参数 --${name}`);
    if (typeof v === 'string' && v.trim() === '') {
      throw new UsageError(`--${name} needs a value / 参数 --${name} 需要一个值`);
    }
  }
  return values as Parsed<S>;
}

function describeParseError(e: Error & { code?: string }): string {
  const m = e.message;
  const option = /'(-{1,2}[^' ]+)/.exec(m)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown argument ${option ?? ''} / 不认识的参数 ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const word = /'([^']+)'/.exec(m)?.[1] ?? '';
      return `unexpected argument "${word}" (options are written --name value) / 多余的参数 "${word}"`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (!option) return m;
      return /does not take/.test(m)
        ? `${option} takes no value / 参数 ${option} 不带值`
        : `${option} needs a value / 参数 ${option} 需要一个值`;
    default:
      return m;
  }
}
