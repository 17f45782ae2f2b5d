// Checks each data row of a roster on its own (no database): required fields, the ID number's format, date
// and check character, the phone, repeats inside the file. Each problem names the column as the file calls it.
// The plain ID number stays in memory only for encryption at commit; reports carry the masked form.
import { idCardInfo, idNumberProblem, maskIdNumber, normalizeIdNumber } from '../../../common/id-card';
import type { FieldCipher } from '../../platform/crypto';
import { idNumberHash } from '../volunteers/volunteer-identity';
import type { RosterMapping, RosterField } from './roster-mapping';
import type { RosterFile } from './roster-file';
import { MOBILE_PATTERN } from '../../../common/mobile';

export type RowIssue = { field: RosterField | 'row'; column: string; message: string };

export type CheckedRow = {
  row: number;
  name: string;
  phone: string;
  /** Normalized ID number, for encryption at commit; never reported. */
  idNumber: string;
  idHash: string;
  idMasked: string;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  skills: string[];
  station: string;
  errors: RowIssue[];
};

const MAX_NAME = 50;
const MAX_SKILLS = 20;
const MAX_SKILL_LENGTH = 30;

/** Spaces and dashes people type, and a +86 / 86 prefix, are dropped. */
export function normalizePhone(raw: string): string {
  const s = raw.replace(/[\s\-()（）]/g, '');
  const m = /^(?:\+?86)?(1\d{10})$/.exec(s);
  return m ? m[1] : s;
}

export function splitSkills(raw: string): string[] {
  return [...new Set(raw.split(/[、,，;；/|\s]+/).map((s) => s.trim()).filter(Boolean))];
}

export function checkRows(file: RosterFile, mapping: RosterMapping, cipher: FieldCipher, today: Date): CheckedRow[] {
  const col = (f: RosterField) => (mapping[f] ? file.headers.indexOf(mapping[f]!) : -1);
  const at = { name: col('name'), phone: col('phone'), idNumber: col('idNumber'), skills: col('skills'), station: col('station') };
  const firstRowOfId = new Map<string, number>();
  return file.rows.map((r) => {
    const errors: RowIssue[] = [];
    const issue = (field: RosterField, message: string) => errors.push({ field, column: mapping[field]!, message: `“${mapping[field]}”列：${message}` });
    const cell = (f: RosterField) => {
      const i = at[f];
      if (i < 0) return '';
      const c = r.cells[i];
      if (c?.formula) {
        issue(f, '是公式，系统不计算公式。请在 Excel 中复制该列并“选择性粘贴为数值”后再导入');
        return null;
      }
      return c?.text ?? '';
    };

    const name = cell('name');
    if (name === '') issue('name', '姓名不能为空');
    else if (name && name.length > MAX_NAME) issue('name', `姓名不能超过 ${MAX_NAME} 个字`);
    else if (name && /[\u0000-\u001f\u007f]/.test(name)) issue('name', '姓名含有不可见字符');

    const rawPhone = cell('phone');
    const phone = rawPhone ? normalizePhone(rawPhone) : '';
    if (rawPhone === '') issue('phone', '手机号不能为空');
    else if (rawPhone && !MOBILE_PATTERN.test(phone)) issue('phone', '手机号应为 11 位、以 1 开头的大陆手机号');

    const rawId = cell('idNumber');
    let idNumber = '';
    let idHash = '';
    if (rawId === '') issue('idNumber', '身份证号不能为空');
    else if (rawId !== null) {
      const numeric = r.cells[at.idNumber]?.numeric;
      const problem = idNumberProblem(rawId, today);
      if (problem && numeric && rawId.length >= 15) issue('idNumber', '身份证号被 Excel 存成了数字，末几位已丢失。请把该列设为“文本”格式后重新填写');
      else if (problem) issue('idNumber', problem);
      else {
        idNumber = normalizeIdNumber(rawId);
        idHash = idNumberHash(cipher, idNumber);
        const first = firstRowOfId.get(idHash);
        if (first !== undefined) issue('idNumber', `与第 ${first} 行是同一个身份证号`);
        else firstRowOfId.set(idHash, r.row);
      }
    }

    const skillsText = cell('skills') ?? '';
    const skills = splitSkills(skillsText);
    if (skills.length > MAX_SKILLS) issue('skills', `技能最多 ${MAX_SKILLS} 项`);
    else if (skills.some((s) => s.length > MAX_SKILL_LENGTH)) issue('skills', `每项技能不能超过 ${MAX_SKILL_LENGTH} 个字`);

    const station = cell('station') ?? '';
    const info = idNumber ? idCardInfo(idNumber) : null;
    return {
      row: r.row,
      name: name ?? '',
      phone,
      idNumber,
      idHash,
      idMasked: idNumber ? maskIdNumber(idNumber) : '',
      birthDate: info?.birthDate ?? null,
      gender: info?.gender ?? null,
      skills,
      station,
      errors,
    };
  });
}
