/** FTP users (`ftp.user`). */
import { crud } from '../crud.js';

export const ftpusers = crud({
  func: 'ftp.user',
  table: 'ftpuser',
  entity: 'ftp.user',
  key: 'name',
  fields: ['name', 'passwd', 'home'],
  required: ['name', 'passwd'],
  hidden: ['passwd'],
  owned: true,
  suspend: true,
  prepare: (row) => {
    row.home ??= '/';
  },
});
