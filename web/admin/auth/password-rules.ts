// The staff password rule, checked in the form before the server checks it again: at least 8 characters from
// 3 of the 4 classes (upper case, lower case, digits, symbols).
import type { Rule } from 'antd/es/form';

export function passwordClasses(p: string): number {
  return [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
}

export function passwordRules(t: (k: string) => string): Rule[] {
  return [
    { required: true, message: t('auth.passwordRequired') },
    {
      validator: (_, v: string | undefined) =>
        !v || (v.length >= 8 && v.length <= 128 && passwordClasses(v) >= 3) ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordRule'))),
    },
  ];
}
