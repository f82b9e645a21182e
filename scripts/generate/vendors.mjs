// The vendor packages the catalog compiler serves, and how their docs name each client.

/** The vendor packages, by module id (also the folder under packages/). */
export const VENDORS = ['tuxcare', 'lunanode', 'ispmanager', 'vmmanager'];

/**
 * Per vendor: the variable the READMEs call the client (so a cross-reference reads as a call,
 * `tc.els.key.list()`) and the stem of its public type names (`TuxCareClient`, `TuxCareMethods`).
 * @type {Record<string, { variable: string; type: string }>}
 */
export const CLIENT_NAMES = {
  tuxcare: { variable: 'tc', type: 'TuxCare' },
  lunanode: { variable: 'ln', type: 'LunaNode' },
  ispmanager: { variable: 'isp', type: 'IspManager' },
  vmmanager: { variable: 'vm', type: 'VmManager' },
};
