/** A row of a simulated table: every value a string, as the panel stores and answers them. */
export type Row = Record<string, string>;

/** A live session. */
export interface SimSession {
  user: string;
  lastUsed: number;
}

/** The simulated panel's state; tests may read and change it. */
export interface IspManagerState {
  /** Administrators (they log in but are not listed by `user`). */
  admins: Row[];
  user: Row[];
  webdomain: Row[];
  domain: Row[];
  /** DNS records, `zone` naming their domain. */
  record: Row[];
  emaildomain: Row[];
  email: Row[];
  dbserver: Row[];
  db: Row[];
  ftpuser: Row[];
  scheduler: Row[];
  sslcert: Row[];
  ipaddr: Row[];
  phpversions: Row[];
  license: Row;
  /** Session id → owner and last use. */
  sessions: Map<string, SimSession>;
  /** One-time keys of `session.newkey`: key → user name. */
  keys: Map<string, string>;
  /** Successful `func=auth` logins (password or key). */
  logins: number;
  /** Every `func=auth` request, refused ones included. */
  loginAttempts: number;
  /** Next cron job id. */
  nextJob: number;
}

/** The public demo credentials of the simulator (documented; they protect nothing). */
export const ISPMANAGER_DEMO = Object.freeze({
  /** The administrator. */
  username: 'root',
  /**
   * Letters, digits and hyphens only, so it survives shell clients that paste it into a URL or form unencoded
   * (`authinfo=$USER:$PASS`, as certbot hooks and acme.sh do) and naive quoting. Form encoding of awkward
   * passwords is tested with {@link ISPMANAGER_DEMO.trickyPassword}.
   */
  password: 'demo-Pa55-word',
  /** A second administrator whose password needs form encoding (`&`, `#`, `+`, `:`), for encoding tests. */
  trickyUser: 'encoder',
  trickyPassword: 'demo-Pa55&#+:word',
  /** A regular panel user. */
  user: 'www-root',
  userPassword: 'www-root-pass',
});

/** Seeded, realistic demo state. */
export function seedIspManager(): IspManagerState {
  const docroot = (owner: string, name: string) => `/var/www/${owner}/data/www/${name}`;
  return {
    admins: [
      { name: ISPMANAGER_DEMO.username, passwd: ISPMANAGER_DEMO.password, level: 'admin' },
      { name: ISPMANAGER_DEMO.trickyUser, passwd: ISPMANAGER_DEMO.trickyPassword, level: 'admin' },
    ],
    user: [
      {
        name: 'www-root',
        fullname: 'Default web user',
        passwd: ISPMANAGER_DEMO.userPassword,
        active: 'on',
        owner: 'root',
        level: 'user',
        preset: 'default',
        quota_total: '10240',
        quota_used: '312',
      },
      {
        name: 'alice',
        fullname: 'Alice & Co',
        passwd: 'alice-pass-1',
        active: 'on',
        owner: 'root',
        level: 'user',
        preset: '#custom',
        quota_total: '2048',
        quota_used: '17',
      },
    ],
    webdomain: [
      {
        name: 'example.com',
        id: '1',
        owner: 'www-root',
        docroot: docroot('www-root', 'example.com'),
        ipaddr: '192.0.2.10',
        aliases: 'www.example.com',
        php: 'on',
        php_mode: 'php_mode_fcgi_nginxfpm',
        php_version: '8.2',
        active: 'on',
        secure: 'off',
      },
      {
        name: 'alice.example.net',
        id: '2',
        owner: 'alice',
        docroot: docroot('alice', 'alice.example.net'),
        ipaddr: '192.0.2.10',
        aliases: '',
        php: 'on',
        php_mode: 'php_mode_mod',
        php_version: '7.4',
        active: 'on',
        secure: 'on',
      },
    ],
    domain: [{ name: 'example.com', dtype: 'master', ip: '192.0.2.10', owner: 'www-root' }],
    record: [
      { zone: 'example.com', name: 'example.com.', rtype: 'ns', ttl: '3600', domain: 'ns1.example.com.' },
      { zone: 'example.com', name: 'example.com.', rtype: 'a', ttl: '3600', ip: '192.0.2.10' },
      { zone: 'example.com', name: 'www.example.com.', rtype: 'a', ttl: '3600', ip: '192.0.2.10' },
      {
        zone: 'example.com',
        name: 'example.com.',
        rtype: 'mx',
        ttl: '3600',
        domain: 'mail.example.com.',
        priority: '10',
      },
      {
        zone: 'example.com',
        name: 'example.com.',
        rtype: 'txt',
        ttl: '3600',
        value: 'v=spf1 ip4:192.0.2.10 ~all',
      },
    ],
    emaildomain: [
      { name: 'example.com', owner: 'www-root', ip: '192.0.2.10', active: 'on', defaction: 'ignore' },
    ],
    email: [
      {
        name: 'info@example.com',
        box: 'info',
        domainname: 'example.com',
        owner: 'www-root',
        passwd: 'info-mail-pass',
        forward: '',
        size: '0',
        active: 'on',
      },
    ],
    dbserver: [
      {
        name: 'MySQL',
        type: 'mysql',
        host: 'localhost',
        savedver: '8.0',
        username: 'root',
        password: 'db-root-pass',
      },
    ],
    db: [
      {
        name: 'example_db',
        server: 'MySQL',
        pair: 'example_db->MySQL',
        owner: 'www-root',
        size: '1.2',
        charset: 'utf8mb4',
      },
    ],
    ftpuser: [{ name: 'deploy', owner: 'www-root', home: '/', passwd: 'ftp-pass-1', active: 'on' }],
    scheduler: [
      {
        key: '1',
        owner: 'www-root',
        command: '/usr/bin/php /var/www/www-root/data/www/example.com/cron.php',
        description: 'site cron',
        schedule_type: 'type_basic',
        run_every: 'every_hour',
        schedule: '0 * * * *',
        active: 'on',
      },
    ],
    sslcert: [
      {
        key: 'example.com',
        name: 'example.com',
        owner: 'www-root',
        type: 'selfsigned',
        cert_type: 'selfsigned',
        valid_after: '2036-01-01',
        info: 'CN=example.com',
        webdomains: 'example.com',
        active: 'on',
      },
    ],
    ipaddr: [
      { name: '192.0.2.10', id: '1', iptype: 'ipv4', iprole: 'shared', owner: '' },
      { name: '2001:db8::10', id: '2', iptype: 'ipv6', iprole: 'shared', owner: '' },
    ],
    phpversions: [
      { key: 'native', name: 'PHP 7.4 (native)', default_apache: 'on', cgi: 'on', apache: 'on', fpm: 'on' },
      { key: 'isp-php82', name: 'PHP 8.2', default_apache: 'off', cgi: 'on', apache: 'off', fpm: 'on' },
    ],
    license: {
      id: '123456',
      name: 'ISPmanager 6 Business (simulated)',
      type: 'business',
      expire: '2099-12-31',
      limit_users: '0',
      limit_domains: '0',
    },
    sessions: new Map(),
    keys: new Map(),
    logins: 0,
    loginAttempts: 0,
    nextJob: 2,
  };
}
