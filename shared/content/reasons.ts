// Why a request failed, recorded at the hop where it failed. Each reason says what happened and
// what would fix it: the HUD and the debrief show these words.
export enum Reason {
  NoDns, DnsNowhere, HostDown, NothingListening, FirewallBlocked, CertExpired, LbDown, NoBackend,
  BackendDown, WebDown, NoApp, AppDown, NoDb, DbDown, NoPrimary, DiskFull, QueueFull, RateLimited, VipMoving,
  FirewallBlockedInside,
  BackendCertRefused,
  ConnectTimeout,
}

export const REASON_COUNT = 22;

export interface ReasonText { code: string; what: string; fix: string }

/** `{host}` is replaced by the host's name (firewall-inside's fix is written from the rules: firewallFix). */
export const REASONS: readonly ReasonText[] = [
  { code: "no-dns", what: "www.foobar.com has no DNS record", fix: "Add a www A record pointing at your public IP." },
  { code: "dns-nowhere", what: "DNS points at an address none of your servers holds", fix: "Point www at a server you own." },
  { code: "host-down", what: "{host} is down", fix: "Repair {host}; with two servers behind a load balancer one failure would not stop the site." },
  { code: "nothing-listening", what: "nothing on {host} answers HTTP", fix: "Install Nginx (or HAProxy) on {host}, or point DNS elsewhere." },
  { code: "firewall-blocked", what: "the firewall on {host} blocks the web port", fix: "Open port 80 (and 443 for HTTPS) on {host}'s firewall." },
  { code: "cert-expired", what: "the certificate on {host} has expired: browsers refuse the site", fix: "Renew the certificate; monitoring warns before it expires." },
  { code: "lb-down", what: "HAProxy is down on {host}", fix: "Restart it; a second load balancer in a pair would have taken over." },
  { code: "no-backend", what: "{host} has no healthy backend", fix: "Connect web servers to the load balancer and repair the dead ones." },
  { code: "backend-down", what: "the load balancer still sends users to {host}, which is down", fix: "Turn on health checks so HAProxy stops using dead backends." },
  { code: "web-down", what: "Nginx is down on {host}", fix: "Restart Nginx on {host}." },
  { code: "no-app", what: "Nginx on {host} has no application server to pass dynamic requests to", fix: "Install the application on {host} or connect it to an application server." },
  { code: "app-down", what: "the application on {host} is not running", fix: "Restart it, or deploy with a rolling strategy behind a load balancer." },
  { code: "no-db", what: "the application on {host} has no database", fix: "Install MySQL or connect {host} to a database server." },
  { code: "db-down", what: "MySQL is down on {host}", fix: "Restart MySQL, or promote a replica to primary." },
  { code: "no-primary", what: "the application on {host} cannot reach a primary database for writes", fix: "Connect {host} to the primary, or promote a replica." },
  { code: "disk-full", what: "the disk on {host} is full: MySQL refuses writes", fix: "Purge old logs on {host}; monitoring warns before the disk fills." },
  { code: "queue-full", what: "{host} is overloaded: its queue is full and requests are dropped", fix: "Add servers behind the load balancer, buy a bigger one, or split roles." },
  { code: "rate-limited", what: "{host} rate-limited the request", fix: "Raise the per-client limit if real users are being turned away." },
  { code: "vip-moving", what: "the virtual IP is moving to the standby load balancer", fix: "Wait a moment: the standby is taking over." },
  { code: "firewall-inside", what: "blocked by the firewall on {host}", fix: "Allow the port from the servers that call {host} in its firewall." },
  { code: "backend-cert-refused", what: "the load balancer refuses {host}: backend TLS checks its certificate, which is missing or expired", fix: "Renew the certificate on {host}; with health checks the load balancer stops sending users there meanwhile." },
  { code: "connect-timeout", what: "users timed out connecting to {host} and gave up before trying the next address", fix: "Take the dead address out of DNS (users follow as their caches expire), or put a virtual IP in DNS that a standby takes over." },
];
