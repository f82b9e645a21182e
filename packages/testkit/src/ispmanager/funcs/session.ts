import { denied, invalid, missed, ok, required } from '../context.js';
import type { FuncTable } from '../crud.js';

/** `session.newkey`: an administrator issues a one-time login key for a user. */
export const session: FuncTable = {
  'session.newkey': (ctx) => {
    if (ctx.actor.level !== 'admin') throw denied('session.newkey');
    const username = required(ctx, 'username');
    if (!ctx.state.user.some((u) => u.name === username)) throw missed('user', username);
    const key = required(ctx, 'key');
    if (key.length < 16) throw invalid('key', '', 'The key must be at least 16 characters long');
    ctx.state.keys.set(key, username);
    return ok();
  },
};
