import { type ActionTable, fail, find, remove } from '../params.js';
import { nextId } from '../state.js';

/** Check types and the extra parameters each needs (what monitor/check-types reports). */
const CHECK_TYPES: Record<string, { name: string; params: Record<string, string> }> = {
  http: { name: 'HTTP', params: { url: 'URL to request; a 2xx or 3xx answer is a success' } },
  ping: { name: 'Ping', params: { ip: 'IP address to ping' } },
  tcp: { name: 'TCP connect', params: { ip: 'IP address', port: 'TCP port' } },
  ssl_expire: {
    name: 'SSL expiration',
    params: { hostname: 'host name', days: 'warn this many days before' },
  },
};

const CONTACT_TYPES = ['email', 'sms_twilio', 'http'];

/** The `monitor` category. */
export const monitorActions: ActionTable = {
  'check-list': ({ state }) => ({
    checks: state.checks.map(({ params, ...check }) => ({ ...check, ...params })),
  }),
  'check-types': () => ({ types: CHECK_TYPES }),
  'check-add': (ctx) => {
    const p = ctx.params;
    p.require('name', 'type', 'fail_count', 'success_count', 'check_interval');
    const type = CHECK_TYPES[p.get('type')];
    if (!type) fail('invalid check type');
    // Type-specific parameters come from check-types and are required too.
    p.require(...Object.keys(type.params));
    for (const name of ['fail_count', 'success_count', 'check_interval']) {
      if (p.int(name) < 1) fail(`invalid ${name}`);
    }
    const check_id = nextId(ctx.state);
    ctx.state.checks.push({
      check_id,
      name: p.get('name'),
      type: p.get('type'),
      fail_count: p.get('fail_count'),
      success_count: p.get('success_count'),
      check_interval: p.get('check_interval'),
      params: Object.fromEntries(Object.keys(type.params).map((name) => [name, p.get(name)])),
      status: 'pending',
    });
    return { check_id };
  },
  'check-remove': (ctx) => {
    const id = ctx.params.get('check_id');
    remove(ctx.state.checks, (check) => check.check_id === id, 'check');
    ctx.state.alerts = ctx.state.alerts.filter((alert) => alert.check_id !== id);
    return {};
  },
  'contact-list': ({ state }) => ({ contacts: state.contacts.map((contact) => ({ ...contact })) }),
  'contact-add': (ctx) => {
    ctx.params.require('type', 'rel');
    const type = ctx.params.get('type');
    if (!CONTACT_TYPES.includes(type)) fail('invalid contact type');
    const contact_id = nextId(ctx.state);
    ctx.state.contacts.push({ contact_id, type, rel: ctx.params.get('rel') });
    return { contact_id };
  },
  'contact-remove': (ctx) => {
    const id = ctx.params.get('contact_id');
    remove(ctx.state.contacts, (contact) => contact.contact_id === id, 'contact');
    ctx.state.alerts = ctx.state.alerts.filter((alert) => alert.contact_id !== id);
    return {};
  },
  'alert-list': (ctx) => {
    const id = ctx.params.get('check_id');
    find(ctx.state.checks, (check) => check.check_id === id, 'check');
    return {
      alerts: ctx.state.alerts.filter((alert) => alert.check_id === id).map((alert) => ({ ...alert })),
    };
  },
  'alert-add': (ctx) => {
    ctx.params.require('check_id', 'contact_id');
    const checkId = ctx.params.get('check_id');
    const contactId = ctx.params.get('contact_id');
    find(ctx.state.checks, (check) => check.check_id === checkId, 'check');
    find(ctx.state.contacts, (contact) => contact.contact_id === contactId, 'contact');
    const alert_id = nextId(ctx.state);
    ctx.state.alerts.push({ alert_id, check_id: checkId, contact_id: contactId });
    return { alert_id };
  },
  'alert-remove': (ctx) => {
    const id = ctx.params.get('alert_id');
    remove(ctx.state.alerts, (alert) => alert.alert_id === id, 'alert');
    return {};
  },
};
