import { type ActionContext, type ActionTable, fail, find, remove } from '../params.js';
import { nextId, type SimEmailDomain } from '../state.js';

function domainOf(ctx: ActionContext): SimEmailDomain {
  const id = ctx.params.get('domain_id');
  return find(ctx.state.emailDomains, (domain) => domain.domain_id === id, 'domain');
}

/** The `email` category (the document's rows lost their category column). */
export const emailActions: ActionTable = {
  usage: ({ state }) => ({
    domains: String(state.emailDomains.length),
    users: String(state.emailUsers.length),
    aliases: String(state.emailAliases.length),
    storage: '0.12',
  }),
  'domain-list': ({ state }) => ({
    domains: state.emailDomains.map((domain) => ({
      id: domain.domain_id,
      name: domain.name,
      dkim_selector: domain.dkim_selector ?? '',
    })),
  }),
  'domain-add': (ctx) => {
    const name = ctx.params.get('name');
    if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(name)) fail('invalid domain name');
    if (ctx.state.emailDomains.some((domain) => domain.name === name)) fail('domain already exists');
    const domain_id = nextId(ctx.state);
    ctx.state.emailDomains.push({ domain_id, name, dkim_selector: undefined });
    return { domain_id };
  },
  'domain-remove': (ctx) => {
    const domain = domainOf(ctx);
    ctx.state.emailDomains = ctx.state.emailDomains.filter((item) => item !== domain);
    ctx.state.emailUsers = ctx.state.emailUsers.filter((user) => user.domain_id !== domain.domain_id);
    ctx.state.emailAliases = ctx.state.emailAliases.filter((alias) => alias.domain_id !== domain.domain_id);
    return {};
  },
  'domain-dkim-set': (ctx) => {
    ctx.params.require('domain_id', 'selector', 'private_key');
    const domain = domainOf(ctx);
    if (!ctx.params.get('private_key').includes('PRIVATE KEY')) fail('invalid private key');
    domain.dkim_selector = ctx.params.get('selector');
    return {};
  },
  'domain-dkim-unset': (ctx) => {
    domainOf(ctx).dkim_selector = undefined;
    return {};
  },
  'user-list': (ctx) => {
    const domain = domainOf(ctx);
    return {
      users: ctx.state.emailUsers
        .filter((user) => user.domain_id === domain.domain_id)
        .map((user) => ({
          id: user.user_id,
          username: user.username,
          email: `${user.username}@${domain.name}`,
        })),
    };
  },
  'user-add': (ctx) => {
    ctx.params.require('domain_id', 'username', 'password');
    const domain = domainOf(ctx);
    const username = ctx.params.get('username');
    if (
      ctx.state.emailUsers.some((user) => user.domain_id === domain.domain_id && user.username === username)
    ) {
      fail('user already exists');
    }
    if (ctx.params.get('password').length < 8) fail('password must be at least 8 characters');
    const user_id = nextId(ctx.state);
    ctx.state.emailUsers.push({
      user_id,
      domain_id: domain.domain_id,
      username,
      password: ctx.params.get('password'),
    });
    return { user_id };
  },
  'user-set-password': (ctx) => {
    ctx.params.require('domain_id', 'user_id', 'password');
    const domain = domainOf(ctx);
    const id = ctx.params.get('user_id');
    const user = find(
      ctx.state.emailUsers,
      (item) => item.user_id === id && item.domain_id === domain.domain_id,
      'user',
    );
    if (ctx.params.get('password').length < 8) fail('password must be at least 8 characters');
    user.password = ctx.params.get('password');
    return {};
  },
  'user-remove': (ctx) => {
    ctx.params.require('domain_id', 'user_id');
    const domain = domainOf(ctx);
    const id = ctx.params.get('user_id');
    remove(
      ctx.state.emailUsers,
      (user) => user.user_id === id && user.domain_id === domain.domain_id,
      'user',
    );
    return {};
  },
  'alias-list': (ctx) => {
    const domain = domainOf(ctx);
    return {
      aliases: ctx.state.emailAliases
        .filter((alias) => alias.domain_id === domain.domain_id)
        .map((alias) => ({ id: alias.alias_id, name: alias.name, target: alias.target })),
    };
  },
  'alias-add': (ctx) => {
    ctx.params.require('domain_id', 'name', 'target');
    const domain = domainOf(ctx);
    const alias_id = nextId(ctx.state);
    ctx.state.emailAliases.push({
      alias_id,
      domain_id: domain.domain_id,
      name: ctx.params.get('name'),
      target: ctx.params.get('target'),
    });
    return { alias_id };
  },
  'alias-remove': (ctx) => {
    ctx.params.require('domain_id', 'alias_id');
    const domain = domainOf(ctx);
    const id = ctx.params.get('alias_id');
    remove(
      ctx.state.emailAliases,
      (alias) => alias.alias_id === id && alias.domain_id === domain.domain_id,
      'alias',
    );
    return {};
  },
};
