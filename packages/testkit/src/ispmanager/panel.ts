import { randomBytes } from 'node:crypto';
import type { SimRequest } from '../request.js';
import type { SimResponse } from '../response.js';
import { type PanelContext, SimError } from './context.js';
import { CONFIRM_ACTIONS } from './crud.js';
import { type OutFormat, outFormat, renderDoc } from './formats.js';
import { FUNCS } from './funcs/index.js';
import { type DocNode, el } from './render.js';
import type { IspManagerState, Row } from './state.js';

/** Behaviour switches of the simulated panel. */
export interface PanelSettings {
  /** Sessions idle out after this long (COREmanager: one hour). */
  sessionIdleMs: number;
  /** The clock, ms. */
  now: () => number;
  /**
   * Answer `.delete` / `.suspend` / `.resume` without `sok` with `<doc func="confirm">` instead of carrying them
   * out. Off by default: the document says removing, enabling or disabling an object answers `<ok/>` and asks
   * for no `sok`; some panels are set up to confirm, and a client's confirm handling is tested with this.
   */
  confirmActions: boolean;
}

type Account = { name: string; level: 'admin' | 'user' };

/** What a browser (no `out=`) gets when it is not logged in: the panel's login page. */
const LOGIN_PAGE =
  '<!DOCTYPE html>\n<html><head><title>ISPmanager</title></head><body><form id="login">ISPmanager login</form></body></html>';

function errorDoc(error: SimError, lang: string): DocNode {
  const params: DocNode[] = [el('param', error.object, { name: 'object', type: 'msg', msg: error.object })];
  if (error.value !== undefined) params.push(el('param', error.value, { name: 'value' }));
  return el('doc', undefined, undefined, [
    el('error', undefined, { type: error.type, object: error.object, lang }, [
      ...params,
      el('stack', undefined, undefined, [el('action', 'request', { level: '30', user: 'root' })]),
      el('detail', error.message),
      el('msg', error.message),
    ]),
  ]);
}

function account(
  state: IspManagerState,
  name: string | undefined,
  password: string | undefined,
): Account | undefined {
  if (!name || password === undefined) return undefined;
  const admin = state.admins.find((a) => a.name === name);
  if (admin) return admin.passwd === password ? { name, level: 'admin' } : undefined;
  const user = state.user.find((u: Row) => u.name === name);
  if (user && user.passwd === password && user.active !== 'off') return { name, level: 'user' };
  return undefined;
}

const badPassword = () => new SimError('auth', 'badpassword', undefined, 'Invalid username or password');

/** Who is calling: authinfo, or a live session id (which this call keeps alive). */
function authenticate(state: IspManagerState, params: Map<string, string>, settings: PanelSettings): Account {
  const authinfo = params.get('authinfo');
  if (authinfo !== undefined) {
    const colon = authinfo.indexOf(':');
    const found = colon < 0 ? undefined : account(state, authinfo.slice(0, colon), authinfo.slice(colon + 1));
    if (!found) throw badPassword();
    return found;
  }
  const id = params.get('auth');
  const session = id === undefined ? undefined : state.sessions.get(id);
  const now = settings.now();
  if (!id || !session || now - session.lastUsed >= settings.sessionIdleMs) {
    if (id) state.sessions.delete(id);
    throw new SimError('auth', 'session', undefined, 'The session has expired; log in again');
  }
  session.lastUsed = now;
  const admin = state.admins.some((a) => a.name === session.user);
  return { name: session.user, level: admin ? 'admin' : 'user' };
}

/** `func=auth`: password login, or the one-time key of `session.newkey` (consumed). */
function login(state: IspManagerState, params: Map<string, string>, settings: PanelSettings): DocNode {
  state.loginAttempts += 1;
  const username = params.get('username');
  const key = params.get('key');
  let user: Account | undefined;
  if (key !== undefined) {
    const owner = state.keys.get(key);
    state.keys.delete(key);
    if (owner && (!username || owner === username)) user = { name: owner, level: 'user' };
  } else user = account(state, username, params.get('password'));
  if (!user) throw badPassword();
  state.logins += 1;
  const id = randomBytes(12).toString('hex');
  state.sessions.set(id, { user: user.name, lastUsed: settings.now() });
  const level = user.level === 'admin' ? '29' : '16';
  return el('doc', undefined, undefined, [el('auth', id, { id, level })]);
}

/** `su=`: admins act as anyone, users only as themselves. */
function effectiveUser(state: IspManagerState, actor: Account, su: string | undefined): Account {
  if (su === undefined || su === '' || su === actor.name) return actor;
  if (actor.level !== 'admin') throw new SimError('access', 'su', su, `You may not act as '${su}'`);
  if (state.admins.some((a) => a.name === su)) return { name: su, level: 'admin' };
  if (!state.user.some((u) => u.name === su))
    throw new SimError('missed', 'user', su, `The user '${su}' was not found`);
  return { name: su, level: 'user' };
}

/** Answers one request like a COREmanager panel binary. */
export function handlePanel(req: SimRequest, state: IspManagerState, settings: PanelSettings): SimResponse {
  // Query and form body both carry parameters; the body wins (clients should POST, so nothing leaks in URLs).
  const params = new Map<string, string>(req.query);
  if (req.method === 'POST') for (const [name, value] of req.form()) params.set(name, value);
  const out = params.get('out');
  const format: OutFormat = outFormat(out);
  const lang = params.get('lang') || 'en';
  const func = params.get('func') ?? '';
  const render = (doc: DocNode): SimResponse => renderDoc(doc, format, func);
  try {
    if (func === 'auth') return render(login(state, params, settings));
    const actor = authenticate(state, params, settings);
    const user = effectiveUser(state, actor, params.get('su'));
    const handler = FUNCS[func];
    if (!handler) throw new SimError('missed', 'func', func, `Unknown function '${func}'`);
    const sok = (params.get('sok') ?? '') !== '';
    if (settings.confirmActions && CONFIRM_ACTIONS.test(func) && !sok) {
      return render(el('doc', undefined, { func: 'confirm' }, [el('elid', params.get('elid') ?? '')]));
    }
    const ctx: PanelContext = { state, func, params, actor, user, sok };
    const children = handler(ctx);
    const json = format === 'json';
    const furniture = json
      ? [el('tparams', undefined, undefined, [el('func', func), el('out', out ?? '')])]
      : [];
    return render(el('doc', undefined, json ? { lang, func } : undefined, [...children, ...furniture]));
  } catch (error) {
    if (error instanceof SimError) {
      // A browser that is not logged in is shown the login form, not an error page.
      if (format === 'html' && error.type === 'auth')
        return { headers: { 'content-type': 'text/html; charset=UTF-8' }, body: LOGIN_PAGE };
      return render(errorDoc(error, lang));
    }
    throw error;
  }
}
