/** Reading the client configuration from options and environment variables. */

/** The environment variables the client reads. */
export const ENV = {
  url: 'VMMANAGER_URL',
  email: 'VMMANAGER_EMAIL',
  password: 'VMMANAGER_PASSWORD',
  token: 'VMMANAGER_TOKEN',
  caFile: 'VMMANAGER_CA_FILE',
  fingerprint: 'VMMANAGER_FINGERPRINT',
  insecure: 'VMMANAGER_INSECURE',
} as const;
