import { listedAs, ref } from '@x/auth-core';
import { z } from 'zod';
import { hintedCode } from './common.js';

/**
 * ELS and AlmaLinux ESU product codes from both documents (the 2024 portal text lists 15; the CLN text adds
 * UELS; the AlmaLinux examples use ESU while the list says EXTENDED_SECURITY_UPDATES, so both are here).
 */
export const ELS_PRODUCT_CODES = [
  'CELS',
  'CELS_8',
  'OELS',
  'UELS',
  'UELS16',
  'UELS18',
  'PHP_ELS',
  'PYTHON_ELS',
  'ELS_FOR_CENTOS6_PLUS_SLA',
  'ELS_FOR_ORACLE_LINUX_PLUS_SLA',
  'ELS_FOR_CENTOS8_PLUS_SLA',
  'UELS18_SLA',
  'UELS16_SLA',
  'ELS_FOR_CENTOS7',
  'ELS_FOR_CENTOS7_PLUS_SLA',
  'EXTENDED_SECURITY_UPDATES',
  'ESU',
] as const;

/** A known ELS / ESU product code. */
export type KnownElsProductCode = (typeof ELS_PRODUCT_CODES)[number];

/** ELS product code: known codes are hints, new codes pass. */
export const ElsProductCode = hintedCode(
  ELS_PRODUCT_CODES,
  'product code: CELS (CentOS 6), CELS_8, ELS_FOR_CENTOS7, OELS (Oracle), UELS, UELS16, UELS18 (Ubuntu), PHP_ELS, PYTHON_ELS, ESU or EXTENDED_SECURITY_UPDATES (AlmaLinux); SLA variants ELS_FOR_CENTOS6/7/8_PLUS_SLA, ELS_FOR_ORACLE_LINUX_PLUS_SLA, UELS16/18_SLA; new codes accepted',
);

/** {@link ElsProductCode} listed with a pointer to the one tool that spells out every code. */
export const ElsProductCodeSeeList = hintedCode(
  ELS_PRODUCT_CODES,
  `product code, e.g. CELS, OELS, UELS18, ESU; all codes: see ${ref('els.key.list')}`,
);

/** Imunify key product codes (CLN doc; CLEAN is the WHMCS plugin's name for ImunifyAV+). */
export const IMUNIFY_PRODUCT_CODES = ['AVP', '360_1', '360_30', '360_250', '360_UN', 'CLEAN'] as const;

/** A known Imunify product code. */
export type KnownImunifyProductCode = (typeof IMUNIFY_PRODUCT_CODES)[number];

/** Imunify product code: known codes are hints, new codes pass. */
export const ImunifyProductCode = hintedCode(
  IMUNIFY_PRODUCT_CODES,
  'product code: AVP or CLEAN (ImunifyAV+), 360_1 (single user), 360_30 (up to 30 users), 360_250 (up to 250 users), 360_UN (unlimited); new codes accepted',
);

/** IP license types as documented (CLN + portal 2024), by name. */
export const IP_LICENSE_TYPES = {
  cloudlinux_os: 1,
  cloudlinux_solo: 4,
  cloudlinux_admin: 5,
  cloudlinux_shared_pro: 1002,
  kernelcare: 16,
  kernelcare_plus: 17,
  imunify_av_plus: 40,
  imunify360_single: 41,
  imunify360_30: 42,
  imunify360_250: 43,
  imunify360_unlimited: 49,
} as const;

/** A documented IP license type name. */
export type IpLicenseTypeName = keyof typeof IP_LICENSE_TYPES;
/** A documented IP license type number. */
export type IpLicenseTypeNumber = (typeof IP_LICENSE_TYPES)[IpLicenseTypeName];

const NAMES = Object.keys(IP_LICENSE_TYPES) as [IpLicenseTypeName, ...IpLicenseTypeName[]];
const NUMBERS = Object.values(IP_LICENSE_TYPES) as [IpLicenseTypeNumber, ...IpLicenseTypeNumber[]];

/** The name of a documented license type number (for messages and results). */
export function ipLicenseTypeName(type: number): IpLicenseTypeName | undefined {
  return NAMES.find((name) => IP_LICENSE_TYPES[name] === type);
}

const TYPE_HELP =
  '1 cloudlinux_os, 4 cloudlinux_solo, 5 cloudlinux_admin, 1002 cloudlinux_shared_pro, 16 kernelcare, 17 kernelcare_plus, 40 imunify_av_plus, 41 imunify360_single, 42 imunify360_30, 43 imunify360_250, 49 imunify360_unlimited';

/**
 * The listing of a license type field: zod accepts the number or the name, the listing shows the number with
 * the number-name pairs in the description (an anyOf of integer and string costs more and tells no more).
 */
function listedType<T extends z.ZodType>(schema: T, description: string, orAll = false): T {
  return listedAs(schema.describe(description), {
    ...(orAll ? { anyOf: [{ type: 'integer' }, { type: 'string' }] } : { type: 'integer' }),
    description,
  });
}

function licenseType(allowed: readonly IpLicenseTypeNumber[], description: string) {
  const names = NAMES.filter((name) => allowed.includes(IP_LICENSE_TYPES[name])) as [
    IpLicenseTypeName,
    ...IpLicenseTypeName[],
  ];
  const numbers = [...allowed] as [IpLicenseTypeNumber, ...IpLicenseTypeNumber[]];
  return listedType(
    z
      .union([z.literal(numbers), z.enum(names)], {
        error: `must be one of the documented license types: ${numbers.join(', ')} (or their names)`,
      })
      .transform(
        (value): IpLicenseTypeNumber => (typeof value === 'string' ? IP_LICENSE_TYPES[value] : value),
      ),
    description,
  );
}

/** Any documented IP license type, as a number or its name; sent as the number. */
export const IpLicenseType = licenseType(NUMBERS, `license type: ${TYPE_HELP}`);

/**
 * A license type, or the explicit word `all` (sent as no type, which means every license of the IP): `ipl/remove`
 * without a type removes every license of the IP, so the schema demands the choice instead of letting a missing
 * field decide it.
 */
export const IpLicenseTypeOrAll = listedType(
  z.union([IpLicenseType, z.literal('all')]).transform((value) => (value === 'all' ? undefined : value)),
  `license type as for ${ref('ipl.register')}, or "all" for every license of the IP`,
  true,
);

/** The Imunify IP license types `ipl/convert` can change from. */
export const ImunifyIpLicenseType = licenseType(
  [40, 41, 42, 43, 49],
  'current type: 40 imunify_av_plus, 41 imunify360_single, 42 imunify360_30, 43 imunify360_250, 49 imunify360_unlimited',
);

/** The Imunify360 IP license types `ipl/convert` can change to (the doc: only to Imunify360). */
export const Imunify360IpLicenseType = licenseType([41, 42, 43, 49], 'new Imunify360 type: 41, 42, 43 or 49');
