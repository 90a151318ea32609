// Info cards: what each piece is, why you add it, and what breaks without it. Written for this
// game in plain words; the course material inspired the list, not the sentences.
export interface InfoCard {
  id: string;
  title: string;
  /** What it is. */
  what: string;
  /** Why you would add it. */
  why: string;
  /** What goes wrong without it (or when it fails). */
  without: string;
}

export const INFO_CARDS: readonly InfoCard[] = [
  {
    id: "server",
    title: "Server",
    what: "A computer in a data centre that you rent. It has CPU, memory and a network address; the software you install shares them.",
    why: "Every service needs a machine to run on. Bigger tiers have more CPU and memory.",
    without: "A lone server is a single point of failure: when its hardware dies, everything on it stops until it is repaired.",
  },
  {
    id: "domain",
    title: "Domain name",
    what: "foobar.com is a name people can remember. DNS turns it into the number (IP address) computers actually connect to.",
    why: "Users type a name, not 8.8.8.8, and you can move the site to new machines without telling anyone.",
    without: "Without a record for www, browsers cannot find the site at all: no traffic, no revenue.",
  },
  {
    id: "dns-a",
    title: "DNS A record",
    what: "The record that says www.foobar.com → 8.8.8.8. 'www' is a subdomain of foobar.com. An A record may list several addresses; browsers spread over them.",
    why: "It is how visitors reach your public IP. Listing two load balancers' addresses spreads users over both.",
    without: "A record pointing at an address you do not own, or at a dead machine, sends every visitor nowhere.",
  },
  {
    id: "dns-cname",
    title: "CNAME record",
    what: "An alias: www.foobar.com → foobar.com, whose own A record holds the addresses. Change the apex and www follows.",
    why: "One place to change addresses for several names.",
    without: "Nothing breaks, it is a convenience; a wrong apex record breaks both names at once.",
  },
  {
    id: "ttl",
    title: "TTL (time to live)",
    what: "How long resolvers may keep a DNS answer before asking again. Short TTLs make changes spread fast; long TTLs mean fewer lookups.",
    why: "Before moving the site, lower the TTL so users follow the change quickly.",
    without: "With a long TTL, users keep going to the old address for minutes after you change the record.",
  },
  {
    id: "web",
    title: "Web server (Nginx)",
    what: "The program that answers browsers over HTTP/HTTPS. It sends static files (images, CSS, scripts) itself and passes dynamic requests to the application.",
    why: "It is fast at files and connections, keeps slow clients away from the app, and can end TLS.",
    without: "Nothing listens on port 80: browsers get 'connection refused'.",
  },
  {
    id: "app",
    title: "Application server",
    what: "Runs foobar.com's code base: builds pages, checks logins, talks to the database. Dynamic reads and writes need it.",
    why: "Static files are not a product; the code is. Separate app servers let the code scale on its own.",
    without: "Nginx can serve files but every page that needs data fails.",
  },
  {
    id: "db",
    title: "Database (MySQL)",
    what: "Stores the data. The primary takes every write; replicas copy it and can answer reads.",
    why: "Users' accounts and orders must outlive any one request or server.",
    without: "Reads and writes fail. If the only database's disk fills or the machine dies, the site stops and data may be lost.",
  },
  {
    id: "lb",
    title: "Load balancer (HAProxy)",
    what: "Stands in front of several web servers and hands each request to one of them, by the algorithm you choose.",
    why: "Two or more web servers share the traffic, and one can fail or be redeployed while the others serve.",
    without: "One web server takes all the traffic and is a single point of failure. And a lone load balancer is itself the next single point of failure.",
  },
  { id: "roundrobin", title: "Round robin", what: "The load balancer takes the backends in turn: 1, 2, 3, 1, 2, 3…", why: "Simple and fair when servers are alike and requests cost about the same.", without: "—" },
  { id: "leastconn", title: "Least connections", what: "Each new request goes to the backend that is busy with the fewest requests right now.", why: "Better when requests differ in cost or servers differ in size: a slow server gets less.", without: "—" },
  { id: "source", title: "Source (IP hash)", what: "A hash of the client's address picks the backend, so the same user keeps landing on the same server.", why: "Keeps sessions on one server. But a few big networks can pile onto one backend.", without: "—" },
  {
    id: "health-check",
    title: "Health checks",
    what: "The load balancer probes each backend every few seconds and stops sending users to one that does not answer.",
    why: "A dead backend stops costing errors after one check interval. Shorter intervals react faster but cost a little CPU.",
    without: "The load balancer keeps sending a share of users to a dead server: they get errors until you notice.",
  },
  { id: "active-active", title: "Active-active", what: "Two load balancers both take traffic; DNS lists both addresses.", why: "Twice the capacity, and if one dies the other keeps serving; but users whose first address is the dead one wait a connect timeout (3 s here) before trying the other, some give up, and it lasts until DNS drops the dead address and caches expire.", without: "—" },
  { id: "active-passive", title: "Active-passive", what: "One load balancer serves; the standby watches it and takes over its floating virtual IP if it dies.", why: "One address in DNS, and a failover in a few seconds: the standby takes the virtual IP after missing three keepalived adverts (3.6 s here, 2.6 s if only HAProxy dies). Requests to the address fail until then.", without: "The standby is idle capacity you pay for." },
  {
    id: "replication",
    title: "Primary-replica replication",
    what: "The primary ships every write to its replicas over the network, so a replica needs a link to the primary. Async: it does not wait, so a replica lags a little. Semi-sync: it waits for one replica to confirm receipt; if none can, it waits 10 s, then carries on asynchronously until one is back.",
    why: "A replica can serve reads (choose the read split in the database panel) and be promoted if the primary dies.",
    without: "With async replication, writes inside the lag are lost when you promote, and a lagging replica answers some reads with old data (stale reads: a user posts, reloads, and their post is missing). Semi-sync loses none and cuts stale reads, but every write is a little slower.",
  },
  {
    id: "firewall",
    title: "Firewall (ufw)",
    what: "A filter on each server: whatever no rule allows is dropped, from the internet and from your other servers. A rule allows a port from anywhere, from one server, or from every server of a kind (3306 from the application servers).",
    why: "Every open port is a door attackers knock on. Open 80/443 to the internet where users arrive, and inside only what each server's callers need.",
    without: "Bots guess SSH passwords, scan for ports and find MySQL on the internet; a breached server runs a miner for them.",
  },
  {
    id: "https",
    title: "HTTPS and certificates",
    what: "TLS encrypts traffic between the browser and your server; the certificate proves the server is really foobar.com. It expires and must be renewed.",
    why: "On plain HTTP anyone on the path can read passwords and cookies.",
    without: "Credentials get sniffed. An expired certificate is worse: browsers refuse the site.",
  },
  {
    id: "tls-termination",
    title: "TLS termination and backend TLS",
    what: "Where the encryption ends. Ending it at the load balancer is cheap and simple, but what it sends the web servers travels the internal network as plain HTTP. Backend TLS re-encrypts it: each web server needs its own valid certificate, which the load balancer checks.",
    why: "An intruder on a breached server inside reads plain HTTP off the wire: logins, cookies. Backend TLS closes that, for some CPU on the load balancer and the web servers.",
    without: "After one brute-forced SSH password, every request behind the load balancer can be read. With backend TLS on, a web server whose certificate expires is refused until it is renewed.",
  },
  {
    id: "monitor",
    title: "Monitoring agent",
    what: "A small program on each server that reports CPU, queries per second (from the web server's access log), errors and latency, and raises alerts.",
    why: "You see a failure the moment it happens, and warnings before it happens (disk filling, certificate expiring).",
    without: "A failure on an unmonitored server is found by users: you hear about it only when they complain, once errors or slow pages have lasted a while, and never if they do not notice (a disk filling up, a backend the load balancer routes around).",
  },
  { id: "qps", title: "QPS (queries per second)", what: "How many requests a server handles each second, counted from its access log.", why: "It tells you how close a server is to its limit and when to add capacity.", without: "—" },
  {
    id: "spof",
    title: "Single point of failure",
    what: "Any one part whose loss stops the whole site: one server, one load balancer, one database.",
    why: "Two of everything that matters, wired so either can serve alone.",
    without: "One hardware fault, one crash, one bad deploy, and foobar.com is down.",
  },
  {
    id: "deploy",
    title: "Deploying code",
    what: "Shipping a new version restarts the application. All at once: every app server restarts together. Rolling: one at a time, behind the load balancer.",
    why: "Rolling deploys keep the site up while the code changes.",
    without: "On one server, every deploy is downtime.",
  },
  {
    id: "scaling",
    title: "Scaling",
    what: "Vertical: a bigger machine. Horizontal: more machines behind a load balancer. One role per server lets each tier grow alone.",
    why: "Traffic keeps growing; a fixed design always hits its limit.",
    without: "The server's queue fills, latency climbs and requests are dropped.",
  },
  {
    id: "ddos",
    title: "DDoS and rate limiting",
    what: "A flood of junk requests from many machines. A per-client rate limit on the load balancer turns most of it away cheaply.",
    why: "Capacity alone cannot outgrow an attacker; filtering can.",
    without: "The flood fills your queues and real users are dropped with it.",
  },
];

export function findCard(id: string): InfoCard | undefined {
  return INFO_CARDS.find((c) => c.id === id);
}
