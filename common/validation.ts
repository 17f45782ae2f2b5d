// Field rules shared by server and web.
import { z } from 'zod';
import { MOBILE_PATTERN } from './mobile';

/** 11-digit mainland mobile number. */
export const mobileSchema = z.string().regex(MOBILE_PATTERN, '请输入 11 位手机号');

export const passwordInputSchema = z.string().min(1, '请输入密码').max(128);
