import { endpoint, ref } from '@x/auth-core';
import { z } from 'zod';
import type { PanelRoute } from '../route.js';
import { editInput, ids, Password, pagingFields } from '../schemas/common.js';
import { flag, listResult, OkResult, optText, text } from '../schemas/output.js';

/** An FTP user as `func=ftp.user` lists it. */
export const FtpUser = z.looseObject({ name: text, owner: optText, home: optText, active: flag });

const ftpIds = ids(`names from ${ref('ftp.user.list')}`);

/** FTP users: `ftp.user` and its family. */
export const ftp = {
  user: {
    list: endpoint({
      summary: 'List FTP users.',
      route: { func: 'ftp.user', result: 'list' } satisfies PanelRoute,
      input: z.strictObject({ ...pagingFields }),
      output: listResult(FtpUser),
      effect: 'read',
    }),
    edit: endpoint({
      summary: 'Create or change an FTP user.',
      description: 'Create needs name and passwd.',
      route: { func: 'ftp.user.edit', result: 'ok', sok: true, confirm: 'passwd' } satisfies PanelRoute,
      input: editInput({
        elid: `name from ${ref('ftp.user.list')}`,
        fields: {
          name: z
            .string()
            .min(1)
            .max(64)
            .regex(/^[A-Za-z0-9_.@-]+$/, 'letters, digits, "_", ".", "@", "-"')
            .optional()
            .describe('login, create only'),
          owner: z
            .string()
            .max(64)
            .optional()
            .describe(`owner, from ${ref('user.list')}`),
          passwd: Password.optional().describe('password'),
          home: z.string().max(1024).optional().describe('home directory, relative to owner home'),
        },
        required: ['name', 'passwd'],
      }),
      output: OkResult,
      effect: 'update',
      idempotent: false,
    }),
    delete: endpoint({
      summary: 'Delete FTP users.',
      route: { func: 'ftp.user.delete', result: 'ok', sok: true } satisfies PanelRoute,
      input: z.strictObject({ elid: ftpIds }),
      output: OkResult,
      effect: 'delete',
    }),
    suspend: endpoint({
      summary: 'Suspend FTP users.',
      route: { func: 'ftp.user.suspend', result: 'ok', sok: true } satisfies PanelRoute,
      input: z.strictObject({ elid: ftpIds }),
      output: OkResult,
      effect: 'action',
      idempotent: true,
    }),
    resume: endpoint({
      summary: 'Resume suspended FTP users.',
      route: { func: 'ftp.user.resume', result: 'ok', sok: true } satisfies PanelRoute,
      input: z.strictObject({ elid: ftpIds }),
      output: OkResult,
      effect: 'action',
      // Starts or restores something; destroys nothing, so no confirmation is asked.
      destructive: false,
      idempotent: true,
    }),
  },
};
