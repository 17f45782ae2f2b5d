// Stable error codes, their HTTP statuses and default messages (zh first, en), and the one error handler
// that turns anything thrown into `{"error":{"code","message","details"?}}`. Unknown errors become internal_error.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export const errorCatalog = {
  validation_failed: { status: 400, zh: '输入有误，请检查标出的字段', en: 'Some fields are invalid' },
  bad_request: { status: 400, zh: '请求格式有误', en: 'The request is malformed' },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please sign in' },
  invalid_credentials: { status: 401, zh: '手机号或密码不正确', en: 'Wrong mobile number or password' },
  session_expired: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  forbidden: { status: 403, zh: '您没有权限进行此操作', en: 'You are not allowed to do this' },
  cross_site_refused: { status: 403, zh: '拒绝跨站请求', en: 'Cross-site request refused' },
  account_locked: { status: 423, zh: '密码错误次数过多，账号已锁定 30 分钟', en: 'Too many wrong passwords; the account is locked for 30 minutes' },
  not_found: { status: 404, zh: '找不到该记录', en: 'Not found' },
  conflict: { status: 409, zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  code_replaced: { status: 410, zh: '此码已被更换，请扫描现场最新的文明码', en: 'This code has been replaced; scan the current code at the site' },
  payload_too_large: { status: 413, zh: '提交的内容过大', en: 'The request is too large' },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  import_rejected: { status: 422, zh: '导入文件有错误，未写入任何数据', en: 'The import file has errors; nothing was written' },
  otp_invalid: { status: 400, zh: '验证码不正确', en: 'The code is wrong' },
  otp_expired: { status: 400, zh: '验证码已过期，请重新获取', en: 'The code has expired; ask for a new one' },
  otp_locked: { status: 429, zh: '验证码错误次数过多，请重新获取', en: 'Too many wrong codes; ask for a new one' },
  otp_resend_too_soon: { status: 429, zh: '验证码已发送，请稍后再获取', en: 'A code was just sent; wait before asking again' },
  already_registered: { status: 409, zh: '该身份证号已注册为志愿者，请直接登录', en: 'This ID number is already registered; please sign in' },
  signup_closed: { status: 409, zh: '该活动当前不接受报名', en: 'This activity is not taking sign-ups now' },
  signup_requirements_unmet: { status: 409, zh: '您不满足该活动的报名要求', en: 'You do not meet this activity’s requirements' },
  already_signed_up: { status: 409, zh: '您已报名该活动', en: 'You have already signed up' },
  cancel_deadline_passed: { status: 409, zh: '已过取消截止时间，如需取消请联系组织方', en: 'The cancellation deadline has passed; contact the organizer' },
  checkin_code_expired: { status: 410, zh: '签到码已过期，请扫描现场屏幕上最新的码', en: 'This code has expired; scan the current code on the screen' },
  checkin_code_invalid: { status: 400, zh: '签到码无效，请扫描现场屏幕上的码', en: 'This is not a valid check-in code; scan the code on the screen' },
  checkin_wrong_activity: { status: 409, zh: '这是另一场活动的签到码', en: 'This code belongs to another activity' },
  not_signed_up: { status: 403, zh: '您没有报名该活动，不能签到', en: 'You have not signed up for this activity' },
  checkin_not_open: { status: 409, zh: '现在不在活动签到时间内', en: 'Check-in is not open for this activity now' },
  already_checked_in: { status: 409, zh: '您已签到，无需重复扫码', en: 'You are already checked in' },
  not_checked_in: { status: 409, zh: '您还没有签到，请先扫签到码', en: 'You are not checked in; scan the check-in code first' },
  checkin_limit_reached: { status: 409, zh: '今天在该活动的签到签退已达 3 次上限', en: 'You have reached 3 check-ins for this activity today' },
  outside_geofence: { status: 403, zh: '您不在活动地点附近，请到现场签到', en: 'You are not at the activity’s site; check in on site' },
  location_required: { status: 400, zh: '该活动需要定位签到，请允许获取位置', en: 'This activity needs your location to check in' },
  idempotency_key_reused: { status: 422, zh: '该请求编号已用于另一请求', en: 'This Idempotency-Key was used for a different request' },
  record_frozen: { status: 409, zh: '该记录已用于开具记录证明，不能再修改', en: 'This record is on an issued certificate and cannot change' },
  own_request_refused: { status: 403, zh: '不能审核自己提出的申请，请由其他人审核', en: 'Someone other than the requester must decide this' },
  record_overlap: { status: 409, zh: '与该志愿者已有的服务记录时间重叠', en: 'Overlaps another service record of this volunteer' },
  daily_limit_exceeded: { status: 409, zh: '该志愿者当天的服务时长将超过 24 小时', en: 'This would exceed 24 hours of service in one day' },
  rate_limited: { status: 429, zh: '操作太频繁，请稍后再试', en: 'Too many requests; try again later' },
  internal_error: { status: 500, zh: '系统出错了，请稍后再试', en: 'Something went wrong; please try again later' },
  unavailable: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;
export type FieldIssue = { field: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? errorCatalog[code].zh);
    this.name = 'AppError';
  }
  get status(): number {
    return errorCatalog[this.code].status;
  }
}

/** A 400 naming one field; use for rules zod cannot express (code must extend its parent's, …). */
export function fieldError(field: string, message: string): AppError {
  return new AppError('validation_failed', `${field}: ${message}`, { fields: [{ field, message }] });
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `找不到${what}`);
}

function wantsEnglish(req: FastifyRequest): boolean {
  const lang = String(req.headers['accept-language'] ?? '');
  return /^en\b/i.test(lang);
}

function fastifyErrorCode(err: FastifyError): ErrorCode | null {
  if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'payload_too_large';
  if (err.statusCode === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported_media_type';
  if (err.statusCode === 429) return 'rate_limited';
  if (err.statusCode === 404) return 'not_found';
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return 'bad_request';
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const en = wantsEnglish(req);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldIssue[] = err.validation.map((v) => {
        const where = String(v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
        const params = v.params as { issue?: { code?: string; keys?: string[] } } | undefined;
        const keys = params?.issue?.code === 'unrecognized_keys' ? params.issue.keys ?? [] : [];
        const field = [err.validationContext, where, keys.join(',')].filter(Boolean).join('.');
        return { field, message: keys.length ? (en ? 'unknown field' : '不允许的字段') : v.message ?? 'invalid' };
      });
      const first = fields[0];
      const base = en ? errorCatalog.validation_failed.en : errorCatalog.validation_failed.zh;
      return reply.status(400).send({
        error: { code: 'validation_failed', message: first ? `${base}: ${first.field}` : base, details: { fields } },
      });
    }
    if (err instanceof AppError) {
      const message = en && err.message === errorCatalog[err.code].zh ? errorCatalog[err.code].en : err.message;
      return reply.status(err.status).send({ error: { code: err.code, message, ...(err.details ? { details: err.details } : {}) } });
    }
    // Backstop behind validation: PostgreSQL's data-exception class (22xxx: NUL bytes, bad casts, out-of-range
    // numbers) is always caused by a value the client sent, so it is a 400, never a 500. Drizzle wraps the
    // driver's error, hence the look at `cause`.
    const sqlState = String((err as { code?: unknown }).code ?? (err as { cause?: { code?: unknown } }).cause?.code ?? '');
    if (/^22[0-9A-Z]{3}$/.test(sqlState)) {
      req.log.warn({ err }, 'input refused by the database');
      const entry = errorCatalog.bad_request;
      return reply.status(400).send({ error: { code: 'bad_request', message: en ? entry.en : entry.zh } });
    }
    const mapped = fastifyErrorCode(err);
    if (mapped) {
      const headers = (err as { headers?: Record<string, string> }).headers;
      if (mapped === 'rate_limited' && headers) reply.headers(headers);
      const entry = errorCatalog[mapped];
      return reply.status(entry.status).send({ error: { code: mapped, message: en ? entry.en : entry.zh } });
    }
    req.log.error({ err }, 'unhandled error');
    const entry = errorCatalog.internal_error;
    return reply.status(500).send({ error: { code: 'internal_error', message: en ? entry.en : entry.zh } });
  });
  app.setNotFoundHandler((req, reply) => {
    const entry = errorCatalog.not_found;
    reply.status(404).send({ error: { code: 'not_found', message: wantsEnglish(req) ? entry.en : entry.zh } });
  });
}
