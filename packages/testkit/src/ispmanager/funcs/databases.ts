/** Database servers (`db.server`) and databases (`db`). */
import { invalid, missed, SimError } from '../context.js';
import { crud } from '../crud.js';

export const dbservers = crud({
  func: 'db.server',
  table: 'dbserver',
  entity: 'db.server',
  key: 'name',
  fields: ['name', 'type', 'host', 'username', 'password', 'remote_access', 'version'],
  required: ['name', 'type', 'host'],
  hidden: ['password'],
  prepare: (row) => {
    if (!['mysql', 'postgresql'].includes(row.type ?? '')) throw invalid('type', row.type ?? '');
    row.savedver ??= row.type === 'mysql' ? '8.0' : '15';
  },
});

export const databases = crud({
  func: 'db',
  table: 'db',
  entity: 'db',
  key: 'pair',
  fields: ['name', 'server', 'charset', 'user', 'username', 'password', 'remote_access'],
  required: ['name', 'server'],
  hidden: ['password'],
  owned: true,
  prepare: (row, ctx, creating) => {
    if (!creating) return;
    if (!ctx.state.dbserver.some((s) => s.name === row.server)) throw missed('db.server', row.server ?? '');
    if (!/^[A-Za-z0-9_]+$/.test(row.name ?? ''))
      throw invalid('name', row.name ?? '', 'Invalid database name');
    if ((row.user ?? '*') === '*' && (!row.username || !row.password)) {
      throw new SimError('missed', 'username', undefined, 'A new database user needs a name and a password');
    }
    row.pair = `${row.name}->${row.server}`;
    row.size = '0';
    row.charset ??= 'utf8mb4';
  },
});
