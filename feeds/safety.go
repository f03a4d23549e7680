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

// MaxURLLength bounds a feed URL: longer ones are typing slips or abuse.
const MaxURLLength = 2048

// CheckURL is the one rule for a feed URL, wherever it comes from (the
// config file, the shell, a slash command, a redirect): an absolute http or
// https URL with a host, no credentials, at most MaxURLLength long. It
// returns the URL with scheme and host lower-cased and no fragment, or an
// *Error of kind ErrBadURL that says what is wrong in words fit for whoever
// typed it. Whether the host is a safe address is checked when dialling.
func CheckURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	shown := raw
	if len(shown) > 100 {
		shown = shown[:100] + "…"
	}
	switch {
	case raw == "":
		return nil, newError(ErrBadURL, nil, "the URL is empty; expected an address such as https://example.com/feed.xml")
	case len(raw) > MaxURLLength:
		return nil, newError(ErrBadURL, nil, "the URL is too long (%d characters, at most %d)", len(raw), MaxURLLength)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" || u.Scheme == "" && u.Host == "" {
		return nil, newError(ErrBadURL, err, "%q is not a URL; expected an address such as https://example.com/feed.xml", shown)
	}
	if u.User != nil {
		return nil, newError(ErrBadURL, nil, "the URL contains a user name or password; remove it, feeds are fetched without credentials")
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return nil, newError(ErrBadURL, nil, "%q needs http:// or https://", shown)
	default:
		return nil, newError(ErrBadURL, nil, "%q uses %q; only http and https feeds can be polled", shown, u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, newError(ErrBadURL, nil, "%q has no host; expected an address such as https://example.com/feed.xml", shown)
	}
	u.Scheme, u.Host, u.Fragment, u.RawFragment = strings.ToLower(u.Scheme), strings.ToLower(u.Host), "", ""
	return u, nil
}

// dialer returns the dialer every fetch goes through.
func (g *addressGuard) dialer(o Options) *net.Dialer {
	return &net.Dialer{Timeout: o.Timeout, KeepAlive: 30e9, Control: g.control}
}
