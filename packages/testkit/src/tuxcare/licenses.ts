import { isIP } from 'node:net';
import type { TuxCareCall, TuxCareRouteSpec } from './context.js';
import { apiDate, boolArg, fail, intArg, ok } from './protocol.js';
import type { SimIpLicense } from './state.js';

const GET = ['GET'] as const;
/** Documented IP license types (CLN + portal 2024). */
export const TUXCARE_IP_LICENSE_TYPES = [1, 4, 5, 1002, 16, 17, 40, 41, 42, 43, 49] as const;
const IMUNIFY_TYPES = [40, 41, 42, 43, 49];
const IMUNIFY360_TYPES = [41, 42, 43, 49];

function ipArg(call: TuxCareCall): string | undefined {
  const ip = call.args.get('ip');
  return ip && isIP(ip) !== 0 ? ip : undefined;
}

/** Reads `type`: undefined when absent, null when not a documented type. */
function typeArg(call: TuxCareCall, name = 'type'): number | undefined | null {
  const type = intArg(call.args.get(name));
  if (type === undefined) return undefined;
  return (TUXCARE_IP_LICENSE_TYPES as readonly number[]).includes(type) ? type : null;
}

function licenseJson(license: SimIpLicense) {
  return { ip: license.ip, type: license.type, registered: license.registered, created: license.created };
}

function owned(call: TuxCareCall, ip: string): SimIpLicense[] {
  return call.state.ipLicenses.filter((license) => license.ip === ip && license.owner === call.account.login);
}

/** `/ipl/*`: IP-based licenses. */
export const iplRoutes: Record<string, TuxCareRouteSpec> = {
  'ipl/availability.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const ip = ipArg(call);
      if (!ip) return fail('Invalid IP address');
      const taken = new Set(
        call.state.ipLicenses.filter((license) => license.ip === ip).map((license) => license.type),
      );
      return ok({
        available: TUXCARE_IP_LICENSE_TYPES.filter((type) => !taken.has(type)),
        owned: owned(call, ip).map((license) => license.type),
      });
    },
  },
  'ipl/check.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const ip = ipArg(call);
      if (!ip) return fail('Invalid IP address');
      return ok(call.state.ipLicenses.filter((license) => license.ip === ip).map((license) => license.type));
    },
  },
  'ipl/register.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const ip = ipArg(call);
      if (!ip) return fail('Invalid IP address');
      const type = typeArg(call);
      if (type === undefined || type === null) return fail('Invalid license type');
      const elsAllowed = boolArg(call.args.get('els_allowed'));
      if (elsAllowed === 'invalid') return fail('Invalid els_allowed value');
      const existing = call.state.ipLicenses.find((license) => license.ip === ip && license.type === type);
      if (existing && existing.owner !== call.account.login)
        return fail('IP license is registered by another customer');
      if (existing) return ok(licenseJson(existing));
      const license: SimIpLicense = {
        ip,
        type,
        owner: call.account.login,
        registered: false,
        created: apiDate(call.now),
        lastCheckin: null,
        serverInfo: null,
        elsAllowed: elsAllowed ?? false,
      };
      call.state.ipLicenses.push(license);
      return ok(licenseJson(license));
    },
  },
  'ipl/convert.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const ip = ipArg(call);
      if (!ip) return fail('Invalid IP address');
      const from = typeArg(call);
      const to = typeArg(call, 'type_to');
      if (typeof from !== 'number' || !IMUNIFY_TYPES.includes(from)) return fail('Invalid license type');
      if (typeof to !== 'number' || !IMUNIFY360_TYPES.includes(to))
        return fail('Invalid target license type');
      const license = owned(call, ip).find((candidate) => candidate.type === from);
      if (!license) return ok(false);
      license.type = to;
      return ok(true);
    },
  },
  'ipl/remove.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const ip = ipArg(call);
      if (!ip) return fail('Invalid IP address');
      const type = typeArg(call);
      if (type === null) return fail('Invalid license type');
      // Without a type every license of the IP goes (documented).
      const doomed = owned(call, ip).filter((license) => type === undefined || license.type === type);
      call.state.ipLicenses = call.state.ipLicenses.filter((license) => !doomed.includes(license));
      return ok(doomed.length > 0);
    },
  },
  'ipl/list.json': {
    methods: GET,
    token: true,
    handle: (call) =>
      ok(call.state.ipLicenses.filter((license) => license.owner === call.account.login).map(licenseJson)),
  },
  'ipl/server.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const ip = ipArg(call);
      if (!ip) return fail('Invalid IP address');
      return ok(
        owned(call, ip).map((license) => ({
          server_info: license.serverInfo,
          ...licenseJson(license),
          last_checkin: license.lastCheckin,
        })),
      );
    },
  },
  'ipl/update.json': {
    methods: GET,
    token: true,
    handle: (call) => {
      const ip = ipArg(call);
      if (!ip) return fail('Invalid IP address');
      const type = typeArg(call);
      if (type === null) return fail('Invalid license type');
      const elsAllowed = boolArg(call.args.get('els_allowed'));
      if (elsAllowed === 'invalid' || elsAllowed === undefined)
        return fail('els_allowed is required (true or false)');
      const matching = owned(call, ip).filter((license) => type === undefined || license.type === type);
      for (const license of matching) license.elsAllowed = elsAllowed;
      return ok(matching.length > 0);
    },
  },
};
