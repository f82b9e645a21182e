// Generated from the tuxcare catalog by the catalog compiler (scripts/generate.mjs); do not edit.
// To update it, run `npm run generate` from the repository root (after `npm run build`).
import type { CallOptions, Method } from '@x/auth-core';
import type { TuxCareCatalog as C } from './catalog.js';

/**
 * The typed methods of the TuxCare / CloudLinux client, nested as the catalog: one per endpoint, each
 * documented from its declaration.
 *
 * @typeParam Options - the per-call options the client accepts
 */
export interface TuxCareMethods<Options extends CallOptions = CallOptions> {
  readonly ab: {
    /**
     * List the account's CloudLinux Backups.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#ablist for the input and output shapes
     */
    readonly list: Method<C['ab']['list']['input'], C['ab']['list']['output'], Options>;
    readonly im: {
      /**
       * Create a CloudLinux Backup for an Imunify360 server.
       *
       * Input:
       * - `server_id`: Imunify360 server id, from `tc.im.srv.list()`
       * - `size`: size in GB
       * - `datacenter`: datacenter alias, e.g. EU2
       *
       * Effect: create (not destructive; not idempotent, never retried once sent).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#abimcreate for the input and output shapes
       */
      readonly create: Method<C['ab']['im']['create']['input'], C['ab']['im']['create']['output'], Options>;
    };
    /**
     * Grow or shrink a CloudLinux Backup by a delta in GB.
     *
     * Input:
     * - `backup_id`: backupId from `tc.ab.list()`
     * - `delta`: GB to add, not 0; negative shrinks
     *
     * Effect: action (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#abresize for the input and output shapes
     */
    readonly resize: Method<C['ab']['resize']['input'], C['ab']['resize']['output'], Options>;
    /**
     * Remove a CloudLinux Backup.
     *
     * Input:
     * - `backup_id`: backupId from `tc.ab.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#abremove for the input and output shapes
     */
    readonly remove: Method<C['ab']['remove']['input'], C['ab']['remove']['output'], Options>;
  };
  /**
   * Report the health of the licensing services (database, registration, XML-RPC).
   *
   * Needs no credentials.
   *
   * Input:
   * - `format` (optional): default json; plain reads status.plain, same fields plus raw text
   *
   * Effect: read (read-only; idempotent, retried).
   *
   * @param input - the fields above, validated before any request is sent
   * @param options - per-call options (timeout, abort signal, ...)
   * @see API.md#status for the input and output shapes
   */
  readonly status: Method<C['status']['input'], C['status']['output'], Options>;
  readonly els: {
    readonly key: {
      /**
       * Create an ELS or AlmaLinux ESU license key.
       *
       * Input:
       * - `code`: product code, e.g. CELS, OELS, UELS18, ESU; all codes: see `tc.els.key.list()`
       * - `limit`: max servers; 0 = unlimited
       * - `note` (optional): key note
       *
       * Effect: create (not destructive; not idempotent, never retried once sent).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#elskeycreate for the input and output shapes
       */
      readonly create: Method<
        C['els']['key']['create']['input'],
        C['els']['key']['create']['output'],
        Options
      >;
      /**
       * Change the server limit and/or note of an ELS/ESU key.
       *
       * Input:
       * - `key`: ELS/ESU key, from `tc.els.key.list()`
       * - `limit` (optional): new max servers; 0 = unlimited
       * - `note` (optional): new key note
       *
       * Effect: update (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#elskeyupdate for the input and output shapes
       */
      readonly update: Method<
        C['els']['key']['update']['input'],
        C['els']['key']['update']['output'],
        Options
      >;
      /**
       * Remove an ELS/ESU key and every server registered with it.
       *
       * Input:
       * - `key`: ELS/ESU key, from `tc.els.key.list()`
       *
       * Effect: delete (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#elskeyremove for the input and output shapes
       */
      readonly remove: Method<
        C['els']['key']['remove']['input'],
        C['els']['key']['remove']['output'],
        Options
      >;
      /**
       * List the ELS/ESU keys of one product.
       *
       * Input:
       * - `code`: product code: CELS (CentOS 6), CELS_8, ELS_FOR_CENTOS7, OELS (Oracle), UELS, UELS16, UELS18 (Ubuntu), PHP_ELS, PYTHON_ELS, ESU or EXTENDED_SECURITY_UPDATES (AlmaLinux); SLA variants ELS_FOR_CENTOS6/7/8_PLUS_SLA, ELS_FOR_ORACLE_LINUX_PLUS_SLA, UELS16/18_SLA; new codes accepted
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#elskeylist for the input and output shapes
       */
      readonly list: Method<C['els']['key']['list']['input'], C['els']['key']['list']['output'], Options>;
    };
    readonly srv: {
      /**
       * List the servers on ELS/ESU keys of one product.
       *
       * Input:
       * - `code`: product code, e.g. CELS, OELS, UELS18, ESU; all codes: see `tc.els.key.list()`
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#elssrvlist for the input and output shapes
       */
      readonly list: Method<C['els']['srv']['list']['input'], C['els']['srv']['list']['output'], Options>;
      /**
       * Remove one ELS/ESU server (its key stays).
       *
       * found is false, with the vendor message, when it does not exist.
       *
       * Input:
       * - `id`: server id, from `tc.els.srv.list()`
       *
       * Effect: delete (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#elssrvremove for the input and output shapes
       */
      readonly remove: Method<
        C['els']['srv']['remove']['input'],
        C['els']['srv']['remove']['output'],
        Options
      >;
    };
  };
  readonly im: {
    readonly key: {
      /**
       * Create an Imunify key (ImunifyAV+ or an Imunify360 tier).
       *
       * Input:
       * - `code`: product code: AVP or CLEAN (ImunifyAV+), 360_1 (single user), 360_30 (up to 30 users), 360_250 (up to 250 users), 360_UN (unlimited); new codes accepted
       * - `limit`: max servers; 0 = unlimited
       * - `note` (optional): key note
       *
       * Effect: create (not destructive; not idempotent, never retried once sent).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#imkeycreate for the input and output shapes
       */
      readonly create: Method<C['im']['key']['create']['input'], C['im']['key']['create']['output'], Options>;
      /**
       * Change the server limit, note and/or servers count of an Imunify key.
       *
       * Fields left out stay unchanged.
       *
       * Input:
       * - `key`: Imunify key, from `tc.im.key.list()`
       * - `limit` (optional): new max servers; 0 = unlimited
       * - `note` (optional): new key note
       * - `servers` (optional): number of servers registered with the key
       *
       * Effect: update (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#imkeyupdate for the input and output shapes
       */
      readonly update: Method<C['im']['key']['update']['input'], C['im']['key']['update']['output'], Options>;
      /**
       * Remove an Imunify key and every server registered with it.
       *
       * Returns the removed servers, or true.
       *
       * Input:
       * - `key`: Imunify key, from `tc.im.key.list()`
       *
       * Effect: delete (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#imkeyremove for the input and output shapes
       */
      readonly remove: Method<C['im']['key']['remove']['input'], C['im']['key']['remove']['output'], Options>;
      /**
       * List the account's Imunify keys.
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - none, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#imkeylist for the input and output shapes
       */
      readonly list: Method<C['im']['key']['list']['input'], C['im']['key']['list']['output'], Options>;
    };
    readonly srv: {
      /**
       * List the servers registered with an Imunify key.
       *
       * Input:
       * - `key`: Imunify key, from `tc.im.key.list()`
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#imsrvlist for the input and output shapes
       */
      readonly list: Method<C['im']['srv']['list']['input'], C['im']['srv']['list']['output'], Options>;
      /**
       * Remove one Imunify server.
       *
       * found is false, with the vendor message, when it does not exist.
       *
       * Input:
       * - `id`: Imunify server id, from `tc.im.srv.list()`
       *
       * Effect: delete (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#imsrvremove for the input and output shapes
       */
      readonly remove: Method<C['im']['srv']['remove']['input'], C['im']['srv']['remove']['output'], Options>;
      /**
       * Move an Imunify server to another key (license type), e.g. to upgrade from single user.
       *
       * Input:
       * - `id`: Imunify server id, from `tc.im.srv.list()`
       * - `key`: target Imunify key, from `tc.im.key.list()`
       *
       * Effect: update (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#imsrvconvert for the input and output shapes
       */
      readonly convert: Method<
        C['im']['srv']['convert']['input'],
        C['im']['srv']['convert']['output'],
        Options
      >;
    };
  };
  readonly ipl: {
    /**
     * Show the license types still available for an IP and those this account owns there.
     *
     * Input:
     * - `ip`: IPv4 or IPv6 address
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#iplavailability for the input and output shapes
     */
    readonly availability: Method<
      C['ipl']['availability']['input'],
      C['ipl']['availability']['output'],
      Options
    >;
    /**
     * List the license types registered for an IP by any customer.
     *
     * Input:
     * - `ip`: IPv4 or IPv6 address
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#iplcheck for the input and output shapes
     */
    readonly check: Method<C['ipl']['check']['input'], C['ipl']['check']['output'], Options>;
    /**
     * Register an IP license of a type for an IP.
     *
     * Check `tc.ipl.availability()` first; an existing license is returned unchanged.
     *
     * Input:
     * - `ip`: IPv4 or IPv6 address
     * - `type`: license type: 1 cloudlinux_os, 4 cloudlinux_solo, 5 cloudlinux_admin, 1002 cloudlinux_shared_pro, 16 kernelcare, 17 kernelcare_plus, 40 imunify_av_plus, 41 imunify360_single, 42 imunify360_30, 43 imunify360_250, 49 imunify360_unlimited
     * - `els_allowed` (optional): allow CloudLinux 6 (ELS) registration
     *
     * Effect: create (not destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#iplregister for the input and output shapes
     */
    readonly register: Method<C['ipl']['register']['input'], C['ipl']['register']['output'], Options>;
    /**
     * Change the type of an Imunify IP license; the target must be Imunify360.
     *
     * Returns true, or false when not found or not owned.
     *
     * Input:
     * - `ip`: IPv4 or IPv6 address
     * - `type`: current type: 40 imunify_av_plus, 41 imunify360_single, 42 imunify360_30, 43 imunify360_250, 49 imunify360_unlimited
     * - `type_to`: new Imunify360 type: 41, 42, 43 or 49
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#iplconvert for the input and output shapes
     */
    readonly convert: Method<C['ipl']['convert']['input'], C['ipl']['convert']['output'], Options>;
    /**
     * Remove an IP license of one type, or every license of the IP (type "all").
     *
     * Returns true, or false when not found or not owned.
     *
     * Input:
     * - `ip`: IPv4 or IPv6 address
     * - `type`: license type as for `tc.ipl.register()`, or "all" for every license of the IP
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#iplremove for the input and output shapes
     */
    readonly remove: Method<C['ipl']['remove']['input'], C['ipl']['remove']['output'], Options>;
    /**
     * List the account's IP licenses.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#ipllist for the input and output shapes
     */
    readonly list: Method<C['ipl']['list']['input'], C['ipl']['list']['output'], Options>;
    /**
     * Show the licenses of one IP with server info and last check-in.
     *
     * Input:
     * - `ip`: IPv4 or IPv6 address
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#iplserver for the input and output shapes
     */
    readonly server: Method<C['ipl']['server']['input'], C['ipl']['server']['output'], Options>;
    /**
     * Allow or forbid CloudLinux 6 (ELS) registration on an IP's licenses.
     *
     * Returns true, or false when not found or not owned.
     *
     * Input:
     * - `ip`: IPv4 or IPv6 address
     * - `type`: license type as for `tc.ipl.register()`, or "all" for every license of the IP
     * - `els_allowed`: allow CloudLinux 6 (ELS) registration
     *
     * Effect: update (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#iplupdate for the input and output shapes
     */
    readonly update: Method<C['ipl']['update']['input'], C['ipl']['update']['output'], Options>;
  };
  readonly kcare: {
    readonly key: {
      /**
       * Create a KernelCare key.
       *
       * Returns { key }.
       *
       * Input:
       * - `limit`: max servers; 0 = unlimited
       * - `note` (optional): key description
       *
       * Effect: create (not destructive; not idempotent, never retried once sent).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#kcarekeycreate for the input and output shapes
       */
      readonly create: Method<
        C['kcare']['key']['create']['input'],
        C['kcare']['key']['create']['output'],
        Options
      >;
      /**
       * Delete a KernelCare key.
       *
       * Returns true, or false when not found.
       *
       * Input:
       * - `key`: KernelCare key, from `tc.kcare.key.list()`
       *
       * Effect: delete (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#kcarekeydelete for the input and output shapes
       */
      readonly delete: Method<
        C['kcare']['key']['delete']['input'],
        C['kcare']['key']['delete']['output'],
        Options
      >;
      /**
       * List the account's KernelCare keys.
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - none, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#kcarekeylist for the input and output shapes
       */
      readonly list: Method<C['kcare']['key']['list']['input'], C['kcare']['key']['list']['output'], Options>;
      /**
       * List the servers registered with a KernelCare key.
       *
       * Input:
       * - `key`: KernelCare key, from `tc.kcare.key.list()`
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#kcarekeyservers for the input and output shapes
       */
      readonly servers: Method<
        C['kcare']['key']['servers']['input'],
        C['kcare']['key']['servers']['output'],
        Options
      >;
      /**
       * Set the CIDRs allowed to register servers with a KernelCare key.
       *
       * Input:
       * - `key`: KernelCare key, from `tc.kcare.key.list()`
       * - `cidr`: CIDRs (up to 1000); one string split on spaces, commas or semicolons also works
       *
       * Effect: update (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#kcarekeyset_cidr for the input and output shapes
       */
      readonly set_cidr: Method<
        C['kcare']['key']['set_cidr']['input'],
        C['kcare']['key']['set_cidr']['output'],
        Options
      >;
    };
    readonly srv: {
      /**
       * Remove one KernelCare server.
       *
       * found is false, with message "Server not found", when it does not exist.
       *
       * Input:
       * - `server_id`: server id, from `tc.kcare.key.servers()`
       *
       * Effect: delete (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#kcaresrvremove for the input and output shapes
       */
      readonly remove: Method<
        C['kcare']['srv']['remove']['input'],
        C['kcare']['srv']['remove']['output'],
        Options
      >;
    };
    readonly nagios: {
      /**
       * Register a custom Nagios monitoring key for the KernelCare IP licenses of the calling IP.
       *
       * Input:
       * - `key`: new monitoring key
       *
       * Effect: update (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#kcarenagiosregister_key for the input and output shapes
       */
      readonly register_key: Method<
        C['kcare']['nagios']['register_key']['input'],
        C['kcare']['nagios']['register_key']['output'],
        Options
      >;
      /**
       * Nagios check of the servers on a key: OK, or counts and the out-of-date servers.
       *
       * Input:
       * - `key`: KernelCare or monitoring key
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#kcarenagioskey for the input and output shapes
       */
      readonly key: Method<
        C['kcare']['nagios']['key']['input'],
        C['kcare']['nagios']['key']['output'],
        Options
      >;
    };
    /**
     * Nagios check of the servers of a reseller account: OK, or counts and the out-of-date servers.
     *
     * Input:
     * - `login` (optional): reseller login; default: client login
     * - `token` (optional): API token from the CLN profile, if your account needs it; default: a fresh auth token
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#kcarenagios_res for the input and output shapes
     */
    readonly nagios_res: Method<
      C['kcare']['nagios_res']['input'],
      C['kcare']['nagios_res']['output'],
      Options
    >;
    /**
     * List the patch level of every server on a KernelCare key.
     *
     * Input:
     * - `key`: KernelCare key, from `tc.kcare.key.list()`
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#kcarepatchset for the input and output shapes
     */
    readonly patchset: Method<C['kcare']['patchset']['input'], C['kcare']['patchset']['output'], Options>;
  };
  readonly group: {
    /**
     * Create a KernelCare server group.
     *
     * Input:
     * - `name`: group name
     * - `description` (optional): group description
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#groupcreate for the input and output shapes
     */
    readonly create: Method<C['group']['create']['input'], C['group']['create']['output'], Options>;
    /**
     * List the server groups of the account.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#grouplist for the input and output shapes
     */
    readonly list: Method<C['group']['list']['input'], C['group']['list']['output'], Options>;
    readonly servers: {
      /**
       * List the servers in a group.
       *
       * Input:
       * - `name`: group name, from `tc.group.list()`
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#groupserverslist for the input and output shapes
       */
      readonly list: Method<
        C['group']['servers']['list']['input'],
        C['group']['servers']['list']['output'],
        Options
      >;
      /**
       * Add servers to a group.
       *
       * Returns the servers added.
       *
       * Input:
       * - `name`: group name, from `tc.group.list()`
       * - `server_ids`: server ids, from `tc.group.servers.list()` or a product server list
       *
       * Effect: update (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#groupserversput for the input and output shapes
       */
      readonly put: Method<
        C['group']['servers']['put']['input'],
        C['group']['servers']['put']['output'],
        Options
      >;
      /**
       * Remove servers from a group; they stay registered.
       *
       * Returns the servers removed.
       *
       * Input:
       * - `name`: group name, from `tc.group.list()`
       * - `server_ids`: server ids, from `tc.group.servers.list()` or a product server list
       *
       * Effect: delete (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#groupserversremove for the input and output shapes
       */
      readonly remove: Method<
        C['group']['servers']['remove']['input'],
        C['group']['servers']['remove']['output'],
        Options
      >;
    };
  };
}
