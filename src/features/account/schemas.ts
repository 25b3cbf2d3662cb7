import { z } from 'zod';

export const confirmTotpSchema = z.object({
  code: z.string().trim().regex(/^\d{6}$/, 'validation.totpInvalid'),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'validation.required'),
    newPassword: z.string().min(12, 'validation.passwordTooShort').max(128, 'validation.passwordTooLong'),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'validation.passwordMismatch' });

export const emptySchema = z.object({});
