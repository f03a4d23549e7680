package feeds

import (
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"

	"code.dny.dev/ssrf"
)

// addressGuard decides at dial time which addresses may be connected to.
// Checking the address being dialled, not the name in the URL, is what stops
// DNS rebinding: whatever a name resolves to, the socket is refused before
// connect unless the address is public or explicitly allowed.
type addressGuard struct {
	allowAll bool
	allowed  []netip.Prefix
	guardian *ssrf.Guardian
}

func newAddressGuard(o Options) *addressGuard {
	// Any port: feeds legitimately live on :8080 and the like. The
	// guardian's prefix lists cover loopback, RFC 1918, link-local (and so
	// the 169.254.169.254 metadata address), CGNAT 100.64/10, multicast,
	// and for IPv6 everything outside global unicast (ULA fd00::/8 holds
	// AWS's fd00:ec2::254).
	return &addressGuard{
		allowAll: o.AllowPrivateNetworks,
		allowed:  o.AllowedPrefixes,
		guardian: ssrf.New(ssrf.WithAnyPort()),
	}
}

// control is the net.Dialer Control hook.
func (g *addressGuard) control(network, address string, _ syscall.RawConn) error {
	if g.allowAll {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return newError(ErrPrivateAddress, err, "refusing address %s: cannot parse it", address)
	}
	ip := ap.Addr().Unmap()
	for _, p := range g.allowed {
		if p.Contains(ip) {
			return nil
		}
	}
	if err := g.guardian.Safe(network, address, nil); err != nil {
		return newError(ErrPrivateAddress, err, "refusing private address %s (loopback, private, link-local and metadata addresses are off limits unless feeds.allow_private_networks is set)", ip)
	}
	return nil
}

// checkURL accepts absolute http and https URLs with a host.
func checkURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, newError(ErrBadURL, nil, "empty URL")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, newError(ErrBadURL, err, "bad URL %q: %v", raw, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return nil, newError(ErrBadURL, nil, "bad URL %q: it needs http:// or https://", raw)
	default:
		return nil, newError(ErrBadURL, nil, "unsupported URL scheme %q: only http and https", u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, newError(ErrBadURL, nil, "bad URL %q: no host", raw)
	}
	if u.User != nil {
		return nil, newError(ErrBadURL, nil, "bad URL %q: credentials in URLs are not accepted", u.Redacted())
	}
	return u, nil
}

// dialer returns the dialer every fetch goes through.
func (g *addressGuard) dialer(o Options) *net.Dialer {
	return &net.Dialer{Timeout: o.Timeout, KeepAlive: 30e9, Control: g.control}
}
