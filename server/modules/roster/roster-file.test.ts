import { describe, expect, it } from 'vitest';
import { parseCsv, readRosterFile } from './roster-file';
import { guessMapping, mappingProblems, resolveMapping } from './roster-mapping';
import { normalizePhone, splitSkills } from './roster-rows';

describe('CSV', () => {
  it('keeps quoted commas, quotes and line breaks inside a field', () => {
    expect(parseCsv('姓名,备注\r\n"张,三","说""好""\n的"\r\n')).toEqual([
      ['姓名', '备注'],
      ['张,三', '说"好"\n的'],
    ]);
  });

  it('reads tab-separated text and UTF-16 with a BOM', async () => {
    const text = '姓名\t手机\n张三\t13900000001\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const file = await readRosterFile(utf16);
    expect(file.headers).toEqual(['姓名', '手机']);
    expect(file.rows[0].cells.map((c) => c.text)).toEqual(['张三', '13900000001']);
  });

  it('names repeated headers apart and skips blank lines', async () => {
    const file = await readRosterFile(Buffer.from('电话,电话,姓名\n,,\n1,2,张三\n'));
    expect(file.headers).toEqual(['电话', '电话(2)', '姓名']);
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0].row).toBe(3);
  });
});

describe('column mapping', () => {
  it('guesses the usual Chinese headers, exact names first', () => {
    expect(guessMapping(['序号', '姓 名', '紧急联系人电话', '手机号码', '公民身份号码', '特长', '所属实践站'])).toEqual({
      name: '姓 名',
      phone: '手机号码',
      idNumber: '公民身份号码',
      skills: '特长',
      station: '所属实践站',
    });
  });

  it('a remembered mapping wins over guesses, for the columns the file has', () => {
    const { mapping, source } = resolveMapping(['名字', '电话A', '电话B', '证件'], null, { name: '名字', phone: '电话B', idNumber: '证件', skills: null });
    expect(source).toBe('remembered');
    expect(mapping).toMatchObject({ name: '名字', phone: '电话B', idNumber: '证件', skills: null });
  });

  it('reports required fields without a column and a column used twice', () => {
    const problems = mappingProblems({ name: '姓名', phone: '姓名', idNumber: null, skills: null, station: null });
    expect(problems.map((p) => p.field)).toEqual(['mapping.idNumber', 'mapping.phone']);
  });
});

describe('cell clean-up', () => {
  it('drops spaces, dashes and the +86 prefix from phones', () => {
    expect(normalizePhone('+86 139-0000-0001')).toBe('13900000001');
    expect(normalizePhone('0577-8888')).toBe('05778888');
  });
  it('splits skills on the separators people use', () => {
    expect(splitSkills('急救、驾驶，摄影; 急救')).toEqual(['急救', '驾驶', '摄影']);
  });
});
