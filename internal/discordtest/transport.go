package discordtest

import (
	"net/http"
	"net/url"
	"time"
)

// Client returns an HTTP client that sends requests meant for discord.com
// to the fake and refuses every other host, so a test cannot reach outside
// loopback by mistake. discordgo builds its REST URLs from package variables;
// rewriting at the transport leaves those untouched.
func (s *Server) Client() *http.Client {
	target, _ := url.Parse(s.srv.URL)
	return &http.Client{
		Timeout:   20 * time.Second,
		Transport: &rewrite{target: target, next: s.srv.Client().Transport},
	}
}

type rewrite struct {
	target *url.URL
	next   http.RoundTripper
}

func (rw *rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	switch r.URL.Host {
	case "discord.com", "discordapp.com", rw.target.Host:
	default:
		return nil, &url.Error{Op: r.Method, URL: r.URL.String(), Err: errOutside}
	}
	r = r.Clone(r.Context())
	r.URL.Scheme = rw.target.Scheme
	r.URL.Host = rw.target.Host
	r.Host = rw.target.Host
	return rw.next.RoundTrip(r)
}

type outsideError struct{}

func (outsideError) Error() string {
	return "discordtest: request to a host other than discord.com refused"
}

var errOutside error = outsideError{}
