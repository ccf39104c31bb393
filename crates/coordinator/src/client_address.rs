//! Who is on the other end, for rate limits and the audit log. Directly connected clients are their socket's
//! address. Behind a reverse proxy (the recommended deployment, for TLS) every request comes from the proxy, so with
//! `--behind-proxy` the address is the **last** entry of `X-Forwarded-For`: the one the proxy itself appended. Entries
//! before it are whatever the client sent and are never trusted. The header is read only on connections from the
//! proxy: loopback (a proxy on the same machine) with `--behind-proxy`, or an address inside a `--trusted-proxy`
//! network (a proxy or load balancer elsewhere). Anyone else is their socket's address. IPv6 clients are keyed by
//! their /64, because one household or phone gets a whole /64 and could otherwise take a fresh address for every
//! guess.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use axum::http::HeaderMap;
use ipnet::IpNet;

const FORWARDED_FOR: &str = "x-forwarded-for";

/// Which connections come from a proxy whose `X-Forwarded-For` entry is believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies {
    /// A proxy on this machine (`--behind-proxy`).
    pub loopback: bool,
    /// Proxies elsewhere (`--trusted-proxy 10.0.0.0/24`).
    pub networks: Vec<IpNet>,
}

impl TrustedProxies {
    fn trusts(&self, peer: IpAddr) -> bool {
        // `::ffff:127.0.0.1` is how an IPv4 proxy arrives on a server bound to `[::]`.
        let peer = peer.to_canonical();
        (self.loopback && peer.is_loopback()) || self.networks.iter().any(|n| n.contains(&peer))
    }
}

/// The client's address: the socket's, or (from a trusted proxy) the proxy's last `X-Forwarded-For` entry.
pub fn client_ip(peer: SocketAddr, headers: &HeaderMap, proxies: &TrustedProxies) -> IpAddr {
    if !proxies.trusts(peer.ip()) {
        return peer.ip();
    }
    headers
        .get_all(FORWARDED_FOR)
        .iter()
        .next_back()
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.rsplit(',').next())
        .and_then(|last| last.trim().parse::<IpAddr>().ok())
        .unwrap_or_else(|| peer.ip())
}

/// The rate-limit bucket of an address: the address itself for IPv4, its /64 network for IPv6.
pub fn limit_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{}/64", Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(FORWARDED_FOR, value.parse().expect("header"));
        }
        headers
    }

    const PROXY: &str = "127.0.0.1:50000";

    fn on(loopback: bool) -> TrustedProxies {
        TrustedProxies { loopback, networks: Vec::new() }
    }

    #[test]
    fn without_a_proxy_the_header_is_ignored() {
        let peer: SocketAddr = "203.0.113.7:4000".parse().expect("addr");
        assert_eq!(client_ip(peer, &headers(&["198.51.100.1"]), &on(false)), peer.ip());
    }

    #[test]
    fn behind_a_proxy_only_the_entry_the_proxy_appended_counts() {
        let peer: SocketAddr = PROXY.parse().expect("addr");
        // The client sent "1.2.3.4" itself; the proxy appended the real address last.
        let ip = client_ip(peer, &headers(&["1.2.3.4, 198.51.100.20"]), &on(true));
        assert_eq!(ip.to_string(), "198.51.100.20");
        let ip = client_ip(peer, &headers(&["1.2.3.4", "198.51.100.21"]), &on(true));
        assert_eq!(ip.to_string(), "198.51.100.21", "the last header line");
        assert_eq!(client_ip(peer, &headers(&["not an address"]), &on(true)), peer.ip(), "malformed: the socket");
        assert_eq!(client_ip(peer, &HeaderMap::new(), &on(true)), peer.ip(), "missing: the socket");
        // Not through the proxy on this machine: the header is the client's own word.
        let direct: SocketAddr = "203.0.113.7:4000".parse().expect("addr");
        assert_eq!(client_ip(direct, &headers(&["198.51.100.20"]), &on(true)), direct.ip());
        // An IPv4 proxy on a server listening on [::].
        let mapped: SocketAddr = "[::ffff:127.0.0.1]:50000".parse().expect("addr");
        assert_eq!(client_ip(mapped, &headers(&["198.51.100.22"]), &on(true)).to_string(), "198.51.100.22");
    }

    #[test]
    fn a_proxy_elsewhere_is_trusted_only_inside_its_network() {
        let proxies = TrustedProxies { loopback: false, networks: vec!["10.0.0.0/24".parse().expect("cidr")] };
        let balancer: SocketAddr = "10.0.0.5:40000".parse().expect("addr");
        assert_eq!(client_ip(balancer, &headers(&["198.51.100.30"]), &proxies).to_string(), "198.51.100.30");
        let outside: SocketAddr = "10.0.1.5:40000".parse().expect("addr");
        assert_eq!(client_ip(outside, &headers(&["198.51.100.30"]), &proxies), outside.ip());
        let local: SocketAddr = PROXY.parse().expect("addr");
        assert_eq!(client_ip(local, &headers(&["198.51.100.30"]), &proxies), local.ip(), "loopback not chosen");
    }

    #[test]
    fn ipv6_addresses_share_a_bucket_per_64() {
        let a = limit_key("2001:db8:1:2:aaaa::1".parse().expect("ip"));
        let b = limit_key("2001:db8:1:2:ffff:1:2:3".parse().expect("ip"));
        let other = limit_key("2001:db8:1:3::1".parse().expect("ip"));
        assert_eq!(a, b);
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_ne!(a, other);
        assert_eq!(limit_key("::ffff:192.0.2.9".parse().expect("ip")), "192.0.2.9");
        assert_eq!(limit_key("192.0.2.9".parse().expect("ip")), "192.0.2.9");
    }
}
