// Small building blocks of the volunteer forms: a labelled field with its error under it, the mobile-number input,
// the one-time-code button with its countdown, and the translation of server errors into messages at the right field.
import './antd-react19';
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Input } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { requestOtp, type OtpPurpose } from '../../api/mobile-volunteer';
import { MOBILE_PATTERN } from '../../../common/mobile';

export const CODE_RE = /^\d{6}$/;

export type FieldErrors = Record<string, string>;

/** A label above its control, an optional hint, and the error (announced) below it. */
export function Field(props: { id: string; label: ReactNode; error?: string; hint?: ReactNode; children: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`wm-field${props.error ? ' wm-field-invalid' : ''}`}>
      <label className="wm-field-label" htmlFor={props.id}>
        {props.label}
        {props.optional && <span className="wm-optional">{t('volunteer.form.optional')}</span>}
      </label>
      {props.hint && <div className="wm-field-hint">{props.hint}</div>}
      {props.children}
      {props.error && (
        <div className="wm-field-error" role="alert" id={`${props.id}-error`}>
          {props.error}
        </div>
      )}
    </div>
  );
}

/** A group of choices (tags, days) under a heading; the group itself is the labelled element. */
export function ChoiceGroup(props: { id: string; label: ReactNode; error?: string; hint?: ReactNode; children: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`wm-field${props.error ? ' wm-field-invalid' : ''}`} role="group" aria-labelledby={`${props.id}-label`}>
      <div className="wm-field-label" id={`${props.id}-label`}>
        {props.label}
        {props.optional && <span className="wm-optional">{t('volunteer.form.optional')}</span>}
      </div>
      {props.hint && <div className="wm-field-hint">{props.hint}</div>}
      {props.children}
      {props.error && (
        <div className="wm-field-error" role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}

/** A mobile number: the phone's number pad, digits only (spaces and dashes typed or pasted are dropped), 11 at most. */
export function PhoneInput(props: { id: string; placeholder: string; value: string; onChange: (digits: string) => void }) {
  return (
    <Input
      id={props.id}
      className="wm-input"
      type="tel"
      inputMode="numeric"
      autoComplete="tel"
      maxLength={11}
      placeholder={props.placeholder}
      value={props.value}
      onChange={(v) => props.onChange(v.replace(/\D/g, ''))}
    />
  );
}

/** Field name → message from a validation error (the server may prefix "body."). */
export function fieldErrorsOf(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!(err instanceof ApiError)) return out;
  for (const f of err.fields) {
    const name = f.field.replace(/^body\./, '');
    out[name] ??= f.message;
  }
  return out;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * "获取验证码" with the 60-second countdown. The countdown follows the server: after a send it waits what the
 * server asked (resendAfterSeconds), and a "too soon" answer restarts it with the seconds left.
 */
export function OtpButton(props: { phone: string; purpose: OtpPurpose; onError: (message: string | null) => void; onSent?: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(0);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  const send = async () => {
    props.onError(null);
    if (!MOBILE_PATTERN.test(props.phone)) {
      props.onError(t('volunteer.form.phoneInvalid'));
      return;
    }
    setSending(true);
    try {
      const r = await requestOtp(props.phone, props.purpose);
      setLeft(r.resendAfterSeconds > 0 ? r.resendAfterSeconds : 60);
      props.onSent?.();
    } catch (err) {
      const retry = (err as ApiError).details as { retryAfterSeconds?: unknown } | undefined;
      if (err instanceof ApiError && err.code === 'otp_resend_too_soon' && typeof retry?.retryAfterSeconds === 'number') {
        setLeft(Math.ceil(retry.retryAfterSeconds));
      }
      props.onError(fieldErrorsOf(err).phone ?? errorMessage(err));
    } finally {
      setSending(false);
    }
  };
  return (
    <Button className="wm-otp-button" color="primary" fill="outline" disabled={left > 0} loading={sending} onClick={() => void send()}>
      {left > 0 ? t('volunteer.form.resendIn', { seconds: left }) : t('volunteer.form.getCode')}
    </Button>
  );
}

/** The ID-number checker speaks Chinese; in English the same problems are said in English. */
export function idProblemText(problem: string, lang: string): string {
  if (lang !== 'en') return problem;
  let m = /当前为 (\d+) 位/.exec(problem);
  if (m) return `An ID number has 18 characters; this one has ${m[1]}`;
  if (problem.includes('前 17 位')) return 'The first 17 characters must be digits, the last a digit or X';
  m = /出生日期 (\d{8}) 不是真实日期/.exec(problem);
  if (m) return `The birth date ${m[1]} in the ID number is not a real date`;
  m = /出生日期 (\d{8}) 晚于今天/.exec(problem);
  if (m) return `The birth date ${m[1]} in the ID number is in the future`;
  if (problem.includes('校验位')) return 'The check character does not match; please look for a typo';
  return problem;
}
