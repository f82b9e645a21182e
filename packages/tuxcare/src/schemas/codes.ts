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
  'ELS or AlmaLinux ESU product code, e.g. CELS (CentOS 6 ELS), CELS_8, ELS_FOR_CENTOS7, OELS, UELS18, PHP_ELS, ESU (AlmaLinux Extended Security Updates); other codes the vendor adds are accepted',
);

/** Imunify key product codes (CLN doc; CLEAN is the WHMCS plugin's name for ImunifyAV+). */
export const IMUNIFY_PRODUCT_CODES = ['AVP', '360_1', '360_30', '360_250', '360_UN', 'CLEAN'] as const;

/** A known Imunify product code. */
export type KnownImunifyProductCode = (typeof IMUNIFY_PRODUCT_CODES)[number];

/** Imunify product code: known codes are hints, new codes pass. */
export const ImunifyProductCode = hintedCode(
  IMUNIFY_PRODUCT_CODES,
  'Imunify product code: AVP (ImunifyAV+), 360_1 (single user), 360_30 (up to 30 users), 360_250 (up to 250 users), 360_UN (unlimited); other codes the vendor adds are accepted',
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

function licenseType(allowed: readonly IpLicenseTypeNumber[], description: string) {
  const names = NAMES.filter((name) => allowed.includes(IP_LICENSE_TYPES[name])) as [
    IpLicenseTypeName,
    ...IpLicenseTypeName[],
  ];
  const numbers = [...allowed] as [IpLicenseTypeNumber, ...IpLicenseTypeNumber[]];
  return z
    .union([z.literal(numbers), z.enum(names)], {
      error: `must be one of the documented license types: ${numbers.join(', ')} (or their names)`,
    })
    .transform((value): IpLicenseTypeNumber => (typeof value === 'string' ? IP_LICENSE_TYPES[value] : value))
    .describe(description);
}

/** Any documented IP license type, as a number or its name; sent as the number. */
export const IpLicenseType = licenseType(NUMBERS, `IP license type, number or name: ${TYPE_HELP}`);

/** The Imunify IP license types `ipl/convert` can change from. */
export const ImunifyIpLicenseType = licenseType(
  [40, 41, 42, 43, 49],
  'current Imunify IP license type: 40 imunify_av_plus, 41 imunify360_single, 42 imunify360_30, 43 imunify360_250, 49 imunify360_unlimited',
);

/** The Imunify360 IP license types `ipl/convert` can change to (the doc: only to Imunify360). */
export const Imunify360IpLicenseType = licenseType(
  [41, 42, 43, 49],
  'new Imunify360 IP license type: 41 imunify360_single, 42 imunify360_30, 43 imunify360_250, 49 imunify360_unlimited',
);
