// Field rules shared by server and web.
import { z } from 'zod';

/** 11-digit mainland mobile number. */
export const mobileSchema = z.string().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号');

export const passwordInputSchema = z.string().min(1, '请输入密码').max(128);
