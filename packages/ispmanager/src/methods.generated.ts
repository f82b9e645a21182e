// Generated from the ispmanager catalog by the catalog compiler (scripts/generate.mjs); do not edit.
// To update it, run `npm run generate` from the repository root (after `npm run build`).
import type { CallOptions, Method } from '@x/auth-core';
import type { IspManagerCatalog as C } from './catalog.js';

/**
 * The typed methods of the ISPmanager / COREmanager panels client, nested as the catalog: one per endpoint, each
 * documented from its declaration.
 *
 * @typeParam Options - the per-call options the client accepts
 */
export interface IspManagerMethods<Options extends CallOptions = CallOptions> {
  /**
   * Who the credentials (or su user) are, with access level; a connection test.
   *
   * Effect: read (read-only; idempotent, retried).
   *
   * @param input - none, validated before any request is sent
   * @param options - per-call options (timeout, abort signal, ...)
   * @see API.md#whoami for the input and output shapes
   */
  readonly whoami: Method<C['whoami']['input'], C['whoami']['output'], Options>;
  readonly license: {
    /**
     * Panel licence: id, type, expiry and limits.
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - none, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#licenseinfo for the input and output shapes
     */
    readonly info: Method<C['license']['info']['input'], C['license']['info']['output'], Options>;
  };
  readonly user: {
    /**
     * List panel users with state, preset and quota.
     *
     * Input:
     * - `p_num` (optional): page number (default 1)
     * - `p_cnt` (optional): page size (default: panel setting)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#userlist for the input and output shapes
     */
    readonly list: Method<C['user']['list']['input'], C['user']['list']['output'], Options>;
    /**
     * Create or change a panel user.
     *
     * Create needs name and passwd; limit_* left unset are unlimited. Edit changes only given fields.
     *
     * Input:
     * - `mode`: edit needs elid
     * - `elid` (optional): edit only: user name from `isp.user.list()`
     * - `name` (optional): login, create only; the id afterwards
     * - `fullname` (optional): full name
     * - `passwd` (optional): password
     * - `preset` (optional): preset name, or "#custom" for explicit limits
     * - `owner` (optional): owning reseller/admin (default: caller)
     * - `comment` (optional): administrator comment
     * - `php_enable` (optional): allow PHP
     * - `limit_quota` (optional): disk quota, MiB
     * - `limit_traff` (optional): traffic, MiB/month
     * - `limit_db` (optional): databases
     * - `limit_db_users` (optional): database users
     * - `limit_ftp_users` (optional): FTP users
     * - `limit_webdomains` (optional): sites
     * - `limit_emaildomains` (optional): mail domains
     * - `limit_emails` (optional): mailboxes
     * - `limit_cpu` (optional): CPU, %
     * - `limit_memory` (optional): memory, MiB
     * - `limit_process` (optional): processes
     * - `limit_shell` (optional): allow shell access
     * - `limit_ssl` (optional): allow SSL
     * - `limit_cgi` (optional): allow CGI
     *
     * Effect: update (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#useredit for the input and output shapes
     */
    readonly edit: Method<C['user']['edit']['input'], C['user']['edit']['output'], Options>;
    /**
     * Delete users and everything they own.
     *
     * Input:
     * - `elid`: user names from `isp.user.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#userdelete for the input and output shapes
     */
    readonly delete: Method<C['user']['delete']['input'], C['user']['delete']['output'], Options>;
    /**
     * Suspend users: their sites, mail and FTP stop.
     *
     * Input:
     * - `elid`: user names from `isp.user.list()`
     *
     * Effect: action (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#usersuspend for the input and output shapes
     */
    readonly suspend: Method<C['user']['suspend']['input'], C['user']['suspend']['output'], Options>;
    /**
     * Resume suspended users.
     *
     * Input:
     * - `elid`: user names from `isp.user.list()`
     *
     * Effect: action (not destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#userresume for the input and output shapes
     */
    readonly resume: Method<C['user']['resume']['input'], C['user']['resume']['output'], Options>;
  };
  readonly site: {
    /**
     * Create or change a site on ISPmanager 6.
     *
     * Create needs site_name and site_owner.
     *
     * Input:
     * - `mode`: edit needs elid
     * - `elid` (optional): edit only: site name from `isp.webdomain.list()`
     * - `site_name` (optional): site domain, create only; the id afterwards
     * - `site_owner` (optional): owner, from `isp.user.list()`
     * - `site_aliases` (optional): aliases; an edit replaces the list
     * - `site_email` (optional): admin e-mail
     * - `site_home` (optional): document root, relative to owner home
     * - `site_ipaddrs` (optional): IP addresses; on edit resend all of them
     * - `site_ipsrc` (optional): "manual" uses site_ipaddrs
     * - `site_php_enable` (optional): enable PHP
     * - `site_php_mode` (optional): PHP handler
     * - `site_php_fpm_version` (optional): PHP-FPM version key from `isp.phpversions.list()`
     * - `site_php_cgi_version` (optional): PHP CGI version key from `isp.phpversions.list()`
     * - `site_php_apache_version` (optional): Apache module PHP version key
     * - `site_ssl_cert` (optional): "selfsigned", "letsencrypt", "ssl_not_used" or a name from `isp.sslcert.list()`
     * - `site_secure` (optional): serve over HTTPS
     * - `site_redirect_http` (optional): redirect HTTP to HTTPS
     * - `site_hsts` (optional): send HSTS
     *
     * Effect: update (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#siteedit for the input and output shapes
     */
    readonly edit: Method<C['site']['edit']['input'], C['site']['edit']['output'], Options>;
  };
  readonly webdomain: {
    /**
     * List sites (WWW domains) with owner, document root, IP and PHP settings.
     *
     * Input:
     * - `p_num` (optional): page number (default 1)
     * - `p_cnt` (optional): page size (default: panel setting)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#webdomainlist for the input and output shapes
     */
    readonly list: Method<C['webdomain']['list']['input'], C['webdomain']['list']['output'], Options>;
    /**
     * Create or change a site.
     *
     * Create needs name and owner.
     *
     * Input:
     * - `mode`: edit needs elid
     * - `elid` (optional): edit only: site name from `isp.webdomain.list()`
     * - `name` (optional): site domain, create only; the id afterwards
     * - `owner` (optional): owner, from `isp.user.list()`
     * - `aliases` (optional): aliases; an edit replaces the list
     * - `email` (optional): admin e-mail
     * - `home` (optional): document root, relative to owner home
     * - `ipaddrs` (optional): IP addresses
     * - `charset` (optional): default charset, e.g. UTF-8
     * - `dirindex` (optional): index files, e.g. "index.php index.html"
     * - `php` (optional): enable PHP
     * - `php_mode` (optional): PHP handler
     * - `php_fpm_version` (optional): PHP-FPM version key from `isp.phpversions.list()`
     * - `php_cgi_version` (optional): PHP CGI version key
     * - `cgi` (optional): enable CGI
     * - `ssl` (optional): enable HTTPS
     * - `ssl_cert` (optional): certificate name from `isp.sslcert.list()`
     *
     * Effect: update (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#webdomainedit for the input and output shapes
     */
    readonly edit: Method<C['webdomain']['edit']['input'], C['webdomain']['edit']['output'], Options>;
    /**
     * Delete sites.
     *
     * Input:
     * - `elid`: site names from `isp.webdomain.list()`
     * - `remove_directory` (optional): also delete document root (default false)
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#webdomaindelete for the input and output shapes
     */
    readonly delete: Method<C['webdomain']['delete']['input'], C['webdomain']['delete']['output'], Options>;
    /**
     * Suspend sites.
     *
     * Input:
     * - `elid`: site names from `isp.webdomain.list()`
     *
     * Effect: action (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#webdomainsuspend for the input and output shapes
     */
    readonly suspend: Method<
      C['webdomain']['suspend']['input'],
      C['webdomain']['suspend']['output'],
      Options
    >;
    /**
     * Resume suspended sites.
     *
     * Input:
     * - `elid`: site names from `isp.webdomain.list()`
     *
     * Effect: action (not destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#webdomainresume for the input and output shapes
     */
    readonly resume: Method<C['webdomain']['resume']['input'], C['webdomain']['resume']['output'], Options>;
  };
  readonly domain: {
    /**
     * List DNS zones.
     *
     * Input:
     * - `p_num` (optional): page number (default 1)
     * - `p_cnt` (optional): page size (default: panel setting)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#domainlist for the input and output shapes
     */
    readonly list: Method<C['domain']['list']['input'], C['domain']['list']['output'], Options>;
    /**
     * Create or change a DNS zone.
     *
     * Create needs name and ip.
     *
     * Input:
     * - `mode`: edit needs elid
     * - `elid` (optional): edit only: zone from `isp.domain.list()`
     * - `name` (optional): zone name, create only; the id afterwards
     * - `dtype` (optional): zone type
     * - `ip` (optional): IP the A records point to
     * - `ns` (optional): name servers, e.g. ["ns1.example.com."]
     * - `owner` (optional): owner, from `isp.user.list()`
     * - `email` (optional): admin e-mail (SOA)
     * - `masterip` (optional): master IP of a slave zone
     *
     * Effect: update (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#domainedit for the input and output shapes
     */
    readonly edit: Method<C['domain']['edit']['input'], C['domain']['edit']['output'], Options>;
    /**
     * Delete DNS zones with all their records.
     *
     * Input:
     * - `elid`: zones from `isp.domain.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#domaindelete for the input and output shapes
     */
    readonly delete: Method<C['domain']['delete']['input'], C['domain']['delete']['output'], Options>;
    readonly record: {
      /**
       * List records of a DNS zone.
       *
       * Input:
       * - `elid`: zone from `isp.domain.list()`
       * - `p_num` (optional): page number (default 1)
       * - `p_cnt` (optional): page size (default: panel setting)
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#domainrecordlist for the input and output shapes
       */
      readonly list: Method<
        C['domain']['record']['list']['input'],
        C['domain']['record']['list']['output'],
        Options
      >;
      /**
       * Create or change a DNS record.
       *
       * Create needs ip (a/aaaa), domain + priority (mx), domain (cname/ns) or value (txt/caa).
       *
       * Input:
       * - `mode`: edit needs elid
       * - `elid` (optional): edit only: rkey from `isp.domain.record.list()`
       * - `plid`: zone from `isp.domain.list()`
       * - `name` (optional): "www", "@" or an FQDN ending in a dot
       * - `rtype` (optional): record type
       * - `ttl` (optional): seconds
       * - `ip` (optional): a/aaaa address
       * - `domain` (optional): mx/cname/ns/srv target host
       * - `priority` (optional): mx/srv priority
       * - `value` (optional): txt/caa/other value
       *
       * Effect: update (destructive; not idempotent, never retried once sent).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#domainrecordedit for the input and output shapes
       */
      readonly edit: Method<
        C['domain']['record']['edit']['input'],
        C['domain']['record']['edit']['output'],
        Options
      >;
      /**
       * Delete DNS records of a zone.
       *
       * Input:
       * - `plid`: zone from `isp.domain.list()`
       * - `elid`: rkeys from `isp.domain.record.list()`
       *
       * Effect: delete (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#domainrecorddelete for the input and output shapes
       */
      readonly delete: Method<
        C['domain']['record']['delete']['input'],
        C['domain']['record']['delete']['output'],
        Options
      >;
    };
  };
  readonly emaildomain: {
    /**
     * List mail domains.
     *
     * Input:
     * - `p_num` (optional): page number (default 1)
     * - `p_cnt` (optional): page size (default: panel setting)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emaildomainlist for the input and output shapes
     */
    readonly list: Method<C['emaildomain']['list']['input'], C['emaildomain']['list']['output'], Options>;
    /**
     * Create or change a mail domain.
     *
     * Input:
     * - `mode`: edit needs elid
     * - `elid` (optional): edit only: domain from `isp.emaildomain.list()`
     * - `name` (optional): domain, create only; the id afterwards
     * - `owner` (optional): owner, from `isp.user.list()`
     * - `ip` (optional): IP mail is served on
     * - `defaction` (optional): action for mail to unknown boxes
     * - `dkim` (optional): DKIM-sign outgoing mail
     * - `secure` (optional): enable SSL
     *
     * Effect: update (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emaildomainedit for the input and output shapes
     */
    readonly edit: Method<C['emaildomain']['edit']['input'], C['emaildomain']['edit']['output'], Options>;
    /**
     * Delete mail domains with their mailboxes.
     *
     * Input:
     * - `elid`: domains from `isp.emaildomain.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emaildomaindelete for the input and output shapes
     */
    readonly delete: Method<
      C['emaildomain']['delete']['input'],
      C['emaildomain']['delete']['output'],
      Options
    >;
  };
  readonly email: {
    /**
     * List mailboxes.
     *
     * Input:
     * - `p_num` (optional): page number (default 1)
     * - `p_cnt` (optional): page size (default: panel setting)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emaillist for the input and output shapes
     */
    readonly list: Method<C['email']['list']['input'], C['email']['list']['output'], Options>;
    /**
     * Create or change a mailbox.
     *
     * Create needs name, domainname and passwd.
     *
     * Input:
     * - `mode`: edit needs elid
     * - `elid` (optional): edit only: box@domain from `isp.email.list()`
     * - `name` (optional): part before \@, create only
     * - `domainname` (optional): create only, from `isp.emaildomain.list()`
     * - `passwd` (optional): password
     * - `maxsize` (optional): quota, MiB (0 = unlimited)
     * - `forward` (optional): forward copies to these space-separated addresses
     * - `note` (optional): comment
     *
     * Effect: update (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emailedit for the input and output shapes
     */
    readonly edit: Method<C['email']['edit']['input'], C['email']['edit']['output'], Options>;
    /**
     * Delete mailboxes.
     *
     * Input:
     * - `elid`: addresses from `isp.email.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#emaildelete for the input and output shapes
     */
    readonly delete: Method<C['email']['delete']['input'], C['email']['delete']['output'], Options>;
  };
  readonly db: {
    /**
     * List databases.
     *
     * Input:
     * - `p_num` (optional): page number (default 1)
     * - `p_cnt` (optional): page size (default: panel setting)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dblist for the input and output shapes
     */
    readonly list: Method<C['db']['list']['input'], C['db']['list']['output'], Options>;
    /**
     * Create or change a database and its user.
     *
     * Create needs name, server, and username + password for a new user.
     *
     * Input:
     * - `mode`: edit needs elid
     * - `elid` (optional): edit only: pair name->server from `isp.db.list()`
     * - `name` (optional): create only
     * - `server` (optional): server name from `isp.db.server.list()`
     * - `owner` (optional): owner, from `isp.user.list()`
     * - `charset` (optional): e.g. utf8mb4
     * - `user` (optional): existing db user, or "*" (default) for a new one
     * - `username` (optional): new db user name
     * - `password` (optional): new db user password
     * - `remote_access` (optional): allow connections from other hosts
     *
     * Effect: update (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dbedit for the input and output shapes
     */
    readonly edit: Method<C['db']['edit']['input'], C['db']['edit']['output'], Options>;
    /**
     * Delete databases.
     *
     * Input:
     * - `elid`: pairs name->server from `isp.db.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#dbdelete for the input and output shapes
     */
    readonly delete: Method<C['db']['delete']['input'], C['db']['delete']['output'], Options>;
    readonly server: {
      /**
       * List database servers.
       *
       * Input:
       * - `p_num` (optional): page number (default 1)
       * - `p_cnt` (optional): page size (default: panel setting)
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#dbserverlist for the input and output shapes
       */
      readonly list: Method<C['db']['server']['list']['input'], C['db']['server']['list']['output'], Options>;
      /**
       * Register or change a database server.
       *
       * Input:
       * - `mode`: edit needs elid
       * - `elid` (optional): edit only: server name from `isp.db.server.list()`
       * - `name` (optional): create only
       * - `type` (optional): server type
       * - `host` (optional): host[:port]
       * - `username` (optional): admin login
       * - `password` (optional): admin password
       * - `remote_access` (optional): allow remote connections
       *
       * Effect: update (destructive; not idempotent, never retried once sent).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#dbserveredit for the input and output shapes
       */
      readonly edit: Method<C['db']['server']['edit']['input'], C['db']['server']['edit']['output'], Options>;
    };
  };
  readonly ftp: {
    readonly user: {
      /**
       * List FTP users.
       *
       * Input:
       * - `p_num` (optional): page number (default 1)
       * - `p_cnt` (optional): page size (default: panel setting)
       *
       * Effect: read (read-only; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#ftpuserlist for the input and output shapes
       */
      readonly list: Method<C['ftp']['user']['list']['input'], C['ftp']['user']['list']['output'], Options>;
      /**
       * Create or change an FTP user.
       *
       * Create needs name and passwd.
       *
       * Input:
       * - `mode`: edit needs elid
       * - `elid` (optional): edit only: name from `isp.ftp.user.list()`
       * - `name` (optional): login, create only
       * - `owner` (optional): owner, from `isp.user.list()`
       * - `passwd` (optional): password
       * - `home` (optional): home directory, relative to owner home
       *
       * Effect: update (destructive; not idempotent, never retried once sent).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#ftpuseredit for the input and output shapes
       */
      readonly edit: Method<C['ftp']['user']['edit']['input'], C['ftp']['user']['edit']['output'], Options>;
      /**
       * Delete FTP users.
       *
       * Input:
       * - `elid`: names from `isp.ftp.user.list()`
       *
       * Effect: delete (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#ftpuserdelete for the input and output shapes
       */
      readonly delete: Method<
        C['ftp']['user']['delete']['input'],
        C['ftp']['user']['delete']['output'],
        Options
      >;
      /**
       * Suspend FTP users.
       *
       * Input:
       * - `elid`: names from `isp.ftp.user.list()`
       *
       * Effect: action (destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#ftpusersuspend for the input and output shapes
       */
      readonly suspend: Method<
        C['ftp']['user']['suspend']['input'],
        C['ftp']['user']['suspend']['output'],
        Options
      >;
      /**
       * Resume suspended FTP users.
       *
       * Input:
       * - `elid`: names from `isp.ftp.user.list()`
       *
       * Effect: action (not destructive; idempotent, retried).
       *
       * @param input - the fields above, validated before any request is sent
       * @param options - per-call options (timeout, abort signal, ...)
       * @see API.md#ftpuserresume for the input and output shapes
       */
      readonly resume: Method<
        C['ftp']['user']['resume']['input'],
        C['ftp']['user']['resume']['output'],
        Options
      >;
    };
  };
  readonly scheduler: {
    /**
     * List cron jobs.
     *
     * Input:
     * - `p_num` (optional): page number (default 1)
     * - `p_cnt` (optional): page size (default: panel setting)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#schedulerlist for the input and output shapes
     */
    readonly list: Method<C['scheduler']['list']['input'], C['scheduler']['list']['output'], Options>;
    /**
     * Create or change a cron job.
     *
     * schedule_type type_basic uses run_every; type_expert uses the input_* cron fields.
     *
     * Input:
     * - `mode`: edit needs elid
     * - `elid` (optional): edit only: job key from `isp.scheduler.list()`
     * - `command` (optional): shell command
     * - `description` (optional): comment
     * - `mailto` (optional): mail output to
     * - `schedule_type` (optional): schedule kind
     * - `run_every` (optional): period
     * - `input_min` (optional): minute
     * - `input_hour` (optional): hour
     * - `input_dmonth` (optional): day of month
     * - `input_month` (optional): month
     * - `input_dweek` (optional): day of week
     *
     * Effect: update (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#scheduleredit for the input and output shapes
     */
    readonly edit: Method<C['scheduler']['edit']['input'], C['scheduler']['edit']['output'], Options>;
    /**
     * Delete cron jobs.
     *
     * Input:
     * - `elid`: job keys from `isp.scheduler.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#schedulerdelete for the input and output shapes
     */
    readonly delete: Method<C['scheduler']['delete']['input'], C['scheduler']['delete']['output'], Options>;
  };
  readonly sslcert: {
    /**
     * List SSL certificates.
     *
     * Input:
     * - `p_num` (optional): page number (default 1)
     * - `p_cnt` (optional): page size (default: panel setting)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#sslcertlist for the input and output shapes
     */
    readonly list: Method<C['sslcert']['list']['input'], C['sslcert']['list']['output'], Options>;
    /**
     * Create a self-signed certificate.
     *
     * Input:
     * - `domain`: domain it is for
     * - `username`: owner, from `isp.user.list()`
     * - `email` (optional): contact e-mail
     * - `keylen` (optional): RSA key bits
     * - `org` (optional): organisation
     * - `department` (optional): department
     * - `city` (optional): city
     * - `state` (optional): state or region
     * - `code` (optional): two-letter country code
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#sslcertselfsigned for the input and output shapes
     */
    readonly selfsigned: Method<
      C['sslcert']['selfsigned']['input'],
      C['sslcert']['selfsigned']['output'],
      Options
    >;
    /**
     * Delete SSL certificates.
     *
     * Input:
     * - `elid`: keys from `isp.sslcert.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#sslcertdelete for the input and output shapes
     */
    readonly delete: Method<C['sslcert']['delete']['input'], C['sslcert']['delete']['output'], Options>;
  };
  readonly letsencrypt: {
    /**
     * Order a Let's Encrypt certificate for a site.
     *
     * Issued in the background; check `isp.sslcert.list()`.
     *
     * Input:
     * - `domain_name`: site from `isp.webdomain.list()`
     * - `domain`: names covered, e.g. ["example.com", "www.example.com"]
     * - `crtname` (optional): certificate name (default: domain)
     * - `email` (optional): contact e-mail
     * - `username` (optional): owner, from `isp.user.list()`
     * - `keylen` (optional): RSA key bits
     * - `wildcard` (optional): wildcard (DNS validation)
     * - `enable_cert` (optional): switch the site to it when issued (default true)
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#letsencryptgenerate for the input and output shapes
     */
    readonly generate: Method<
      C['letsencrypt']['generate']['input'],
      C['letsencrypt']['generate']['output'],
      Options
    >;
  };
  readonly ipaddr: {
    /**
     * List server IP addresses.
     *
     * Input:
     * - `p_num` (optional): page number (default 1)
     * - `p_cnt` (optional): page size (default: panel setting)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#ipaddrlist for the input and output shapes
     */
    readonly list: Method<C['ipaddr']['list']['input'], C['ipaddr']['list']['output'], Options>;
    /**
     * Add or change an IP address.
     *
     * Input:
     * - `mode`: edit needs elid
     * - `elid` (optional): edit only: address from `isp.ipaddr.list()`
     * - `name` (optional): address, create only
     * - `iprole` (optional): role
     * - `owner` (optional): user it is assigned to
     *
     * Effect: update (destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#ipaddredit for the input and output shapes
     */
    readonly edit: Method<C['ipaddr']['edit']['input'], C['ipaddr']['edit']['output'], Options>;
    /**
     * Remove IP addresses from the panel.
     *
     * Input:
     * - `elid`: addresses from `isp.ipaddr.list()`
     *
     * Effect: delete (destructive; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#ipaddrdelete for the input and output shapes
     */
    readonly delete: Method<C['ipaddr']['delete']['input'], C['ipaddr']['delete']['output'], Options>;
  };
  readonly phpversions: {
    /**
     * List installed PHP versions and their supported modes.
     *
     * Input:
     * - `p_num` (optional): page number (default 1)
     * - `p_cnt` (optional): page size (default: panel setting)
     *
     * Effect: read (read-only; idempotent, retried).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#phpversionslist for the input and output shapes
     */
    readonly list: Method<C['phpversions']['list']['input'], C['phpversions']['list']['output'], Options>;
  };
  readonly session: {
    /**
     * Create a one-time login URL for a panel user (needs admin rights).
     *
     * The url logs the user in once without a password: hand it only to that user.
     *
     * Input:
     * - `username`: user from `isp.user.list()`
     * - `key` (optional): one-time key (default: random, 192 bits)
     *
     * Effect: create (not destructive; not idempotent, never retried once sent).
     *
     * @param input - the fields above, validated before any request is sent
     * @param options - per-call options (timeout, abort signal, ...)
     * @see API.md#sessionnewkey for the input and output shapes
     */
    readonly newkey: Method<C['session']['newkey']['input'], C['session']['newkey']['output'], Options>;
  };
  /**
   * Call any panel function (func) with parameters; answers a list, form or ok.
   *
   * For what typed tools lack (BILLmanager, DNSmanager, VMmanager 5...); typed tool x_y_list is func x.y. An .edit func only returns its form unless sok is true.
   *
   * Input:
   * - `func`: e.g. "webdomain", "user.edit", "domain.record"
   * - `params` (optional): Name: text, number, boolean (sent on/off) or list (joined with ", ", e.g. group elid); func, sok, su, out, auth* are set for you
   * - `sok` (optional): submit (sok=ok): save a form or run an action
   * - `su` (optional): act as this panel user (admins: anyone; resellers: their users)
   *
   * Effect: action (destructive; not idempotent, never retried once sent).
   *
   * @param input - the fields above, validated before any request is sent
   * @param options - per-call options (timeout, abort signal, ...)
   * @see API.md#call for the input and output shapes
   */
  readonly call: Method<C['call']['input'], C['call']['output'], Options>;
}
