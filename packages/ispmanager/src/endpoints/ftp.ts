import { endpoint } from '@x/auth-core';
import { z } from 'zod';
import type { PanelRoute } from '../route.js';
import { editInput, ids, Password, pagingFields } from '../schemas/common.js';
import { flag, listResult, OkResult, optText, text } from '../schemas/output.js';

/** An FTP user as `func=ftp.user` lists it. */
export const FtpUser = z.looseObject({ name: text, owner: optText, home: optText, active: flag });

const ftpIds = ids('FTP user name(s) from ispmanager_ftp_user_list');

/** FTP users: `ftp.user` and its family. */
export const ftp = {
  user: {
    list: endpoint({
      summary: 'List FTP users (func ftp.user).',
      route: { func: 'ftp.user', result: 'list' } satisfies PanelRoute,
      input: z.strictObject({ ...pagingFields }),
      output: listResult(FtpUser),
      effect: 'read',
    }),
    edit: endpoint({
      summary: 'Create an FTP user (mode "create") or change one (mode "edit") through func ftp.user.edit.',
      route: { func: 'ftp.user.edit', result: 'ok', sok: true, confirm: 'passwd' } satisfies PanelRoute,
      input: editInput({
        elid: 'the FTP user name (from ispmanager_ftp_user_list)',
        fields: {
          name: z
            .string()
            .min(1)
            .max(64)
            .regex(/^[A-Za-z0-9_.@-]+$/, 'letters, digits, "_", ".", "@", "-"')
            .optional()
            .describe('FTP login (create only)'),
          owner: z.string().max(64).optional().describe('owning panel user (from ispmanager_user_list)'),
          passwd: Password.optional().describe('password (sent with its confirmation)'),
          home: z.string().max(1024).optional().describe('home directory relative to the owner home'),
        },
        required: ['name', 'passwd'],
      }),
      output: OkResult,
      effect: 'update',
      idempotent: false,
    }),
    delete: endpoint({
      summary: 'Delete FTP users (func ftp.user.delete).',
      route: { func: 'ftp.user.delete', result: 'ok', sok: true } satisfies PanelRoute,
      input: z.strictObject({ elid: ftpIds }),
      output: OkResult,
      effect: 'delete',
    }),
    suspend: endpoint({
      summary: 'Suspend FTP users (func ftp.user.suspend).',
      route: { func: 'ftp.user.suspend', result: 'ok', sok: true } satisfies PanelRoute,
      input: z.strictObject({ elid: ftpIds }),
      output: OkResult,
      effect: 'action',
      idempotent: true,
    }),
    resume: endpoint({
      summary: 'Resume suspended FTP users (func ftp.user.resume).',
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
