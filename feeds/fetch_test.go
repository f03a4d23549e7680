package feeds

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCheckReportsEachFaultInOneLine(t *testing.T) {
	srv := newFaultServer(t)
	opts := loopbackOptions()
	opts.Timeout = time.Second
	f := NewFetcher(opts)

	tests := []struct {
		path string
		kind error
		want string // exact message, or a prefix ending in "*"
	}{
		{"/slow", ErrTimeout, "timeout after 1s"},
		{"/500", ErrHTTPStatus, "HTTP 500"},
		{"/429", ErrRateLimited, "rate limited, retry after 120s"},
		{"/malformed", ErrMalformed, "malformed XML at line 6: unexpected EOF"},
		{"/page-nofeed", ErrNotFeed, "not a feed: got an HTML page with no feed link"},
		{"/huge", ErrTooLarge, "body larger than 10 MiB"},
		{"/bomb", ErrTooLarge, "body larger than 10 MiB"},
		{"/loop-a", ErrRedirect, "redirect loop at *"},
		{"/chain/0", ErrRedirect, "too many redirects (more than 5)"},
		{"/to-private", ErrPrivateAddress, "refusing private address 10.0.0.1 (*"},
		{"/to-metadata", ErrPrivateAddress, "refusing private address 169.254.169.254 (*"},
		{"/to-file", ErrRedirect, `redirect to file:///etc/passwd refused: "file:///etc/passwd" uses "file"; only http and https feeds can be polled`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, err := f.Check(context.Background(), srv.URL+tt.path)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("kind: %v is not %v", err, tt.kind)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("message spans lines: %q", msg)
			}
			if p, ok := strings.CutSuffix(tt.want, "*"); ok {
				if !strings.HasPrefix(msg, p) {
					t.Errorf("message %q, want prefix %q", msg, p)
				}
			} else if msg != tt.want {
				t.Errorf("message %q, want %q", msg, tt.want)
			}
		})
	}
}

func TestFetchRetryAfterKeptOn429(t *testing.T) {
	srv := newFaultServer(t)
	resp, err := NewFetcher(loopbackOptions()).Fetch(context.Background(), srv.URL+"/429", "", "")
	if resp == nil || resp.RetryAfter != 120*time.Second || RetryAfter(err) != 120*time.Second {
		t.Fatalf("resp %+v err %v: want Retry-After 120s on both", resp, err)
	}
}

func TestDefaultOptionsRefuseLoopback(t *testing.T) {
	srv := newFaultServer(t)
	_, err := NewFetcher(DefaultOptions()).Fetch(context.Background(), srv.URL+"/feed", "", "")
	if !errors.Is(err, ErrPrivateAddress) || !strings.HasPrefix(err.Error(), "refusing private address 127.0.0.1") {
		t.Fatalf("err = %v, want loopback refused", err)
	}
	if srv.hit("/feed") != 0 {
		t.Fatal("the server was reached")
	}
}

func TestAllowPrivateNetworksAllowsLoopback(t *testing.T) {
	srv := newFaultServer(t)
	opts := DefaultOptions()
	opts.AllowPrivateNetworks = true
	if _, err := NewFetcher(opts).Fetch(context.Background(), srv.URL+"/feed", "", ""); err != nil {
		t.Fatal(err)
	}
}

func TestGuardRefusesPrivateRanges(t *testing.T) {
	g := newAddressGuard(DefaultOptions())
	for _, addr := range []string{
		"127.0.0.1:80", "10.1.2.3:443", "172.16.0.1:80", "192.168.1.1:80", "169.254.169.254:80",
		"100.64.0.1:80", "224.0.0.1:80", "0.0.0.0:80", "[::1]:80", "[fe80::1]:80", "[fd00:ec2::254]:80",
		"[fc00::1]:443", "[ff02::1]:80", "[::ffff:10.0.0.1]:80",
	} {
		network := "tcp4"
		if strings.HasPrefix(addr, "[") {
			network = "tcp6"
		}
		if err := g.control(network, addr, nil); !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("%s allowed: %v", addr, err)
		}
	}
	for _, addr := range []string{"93.184.216.34:80", "1.1.1.1:8080"} {
		if err := g.control("tcp4", addr, nil); err != nil {
			t.Errorf("%s refused: %v", addr, err)
		}
	}
	if err := g.control("tcp6", "[2606:4700::1111]:443", nil); err != nil {
		t.Errorf("public IPv6 refused: %v", err)
	}
}

func TestFetchRejectsNonHTTPSchemes(t *testing.T) {
	f := NewFetcher(loopbackOptions())
	for _, u := range []string{"file:///etc/passwd", "ftp://wire.example/feed", "gopher://x", "wire.example/feed", "", "http://"} {
		if _, err := f.Fetch(context.Background(), u, "", ""); !errors.Is(err, ErrBadURL) {
			t.Errorf("%q: err = %v, want ErrBadURL", u, err)
		}
	}
}

func TestFetchConditionalGet(t *testing.T) {
	srv := newFaultServer(t)
	f := NewFetcher(loopbackOptions())
	first, err := f.Fetch(context.Background(), srv.URL+"/feed", "", "")
	if err != nil || first.ETag == "" || len(first.Body) == 0 {
		t.Fatalf("first fetch: %+v %v", first, err)
	}
	second, err := f.Fetch(context.Background(), srv.URL+"/feed", first.ETag, "")
	if err != nil || !second.NotModified || len(second.Body) != 0 {
		t.Fatalf("second fetch: %+v %v, want 304", second, err)
	}
}

func TestFetchRecordsOnlyPermanentRedirects(t *testing.T) {
	srv := newFaultServer(t)
	f := NewFetcher(loopbackOptions())
	resp, err := f.Fetch(context.Background(), srv.URL+"/moved", "", "")
	if err != nil || resp.Moved != srv.URL+"/feed" {
		t.Fatalf("301: moved %q err %v", resp.Moved, err)
	}
	resp, err = f.Fetch(context.Background(), srv.URL+"/temp", "", "")
	if err != nil || resp.Moved != "" || resp.FinalURL != srv.URL+"/feed" {
		t.Fatalf("302: %+v err %v", resp, err)
	}
}

func TestDiscoverAndCheckFindAdvertisedFeed(t *testing.T) {
	srv := newFaultServer(t)
	f := NewFetcher(loopbackOptions())
	got, err := f.Discover(context.Background(), srv.URL+"/page")
	if err != nil || got != srv.URL+"/feed" {
		t.Fatalf("Discover = %q, %v", got, err)
	}
	rep, err := f.Check(context.Background(), srv.URL+"/page")
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Discovered || rep.URL != srv.URL+"/feed" || rep.Title != "Wire" || rep.Items != 1 || rep.Newest[0].Title != "Shelling hits market town" {
		t.Fatalf("report %+v", rep)
	}
	if _, err := f.Discover(context.Background(), srv.URL+"/page-nofeed"); err == nil || err.Error() != "not a feed: got an HTML page with no feed link" {
		t.Fatalf("no-feed page: %v", err)
	}
}

func TestFeedLinksResolvesAndFilters(t *testing.T) {
	page := `<html><head><base href="https://news.example/world/">
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/atom+xml" href="atom.xml">
<link rel="Alternate" type="application/rss+xml; charset=utf-8" href="https://news.example/rss">
<link rel="alternate" type="application/feed+json" href="/feed.json">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="alternate" hreflang="fr" href="/fr/">
</head><body></body></html>`
	got := feedLinks([]byte(page), "https://news.example/")
	want := []string{"https://news.example/world/atom.xml", "https://news.example/rss", "https://news.example/feed.json"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"120": 120 * time.Second, "": 0, "-5": 0, "soon": 0,
		"Fri, 01 Mar 2024 12:05:00 GMT": 5 * time.Minute,
		"Fri, 01 Mar 2024 11:00:00 GMT": 0,
	} {
		if got := parseRetryAfter(v, now); got != want {
			t.Errorf("%q: %v, want %v", v, got, want)
		}
	}
}

func TestCheckURL(t *testing.T) {
	for _, tc := range []struct{ in, want, problem string }{
		{"  HTTPS://Wire.Example/Feed.xml#top ", "https://wire.example/Feed.xml", ""},
		{"http://wire.example:8080/rss?x=1", "http://wire.example:8080/rss?x=1", ""},
		{"", "", "empty"},
		{"wire.example/feed", "", "not a URL"},
		{"//wire.example/feed", "", "needs http:// or https://"},
		{"ftp://wire.example/feed", "", "only http and https"},
		{"mailto:desk@wire.example", "", "not a URL"},
		{"https://user:secret@wire.example/feed", "", "user name or password"},
		{"https:///feed", "", "no host"},
		{"https://wire.example/" + strings.Repeat("a", MaxURLLength), "", "too long"},
	} {
		u, err := CheckURL(tc.in)
		switch {
		case tc.problem == "" && (err != nil || u.String() != tc.want):
			t.Errorf("CheckURL(%q) = %v, %v; want %s", tc.in, u, err, tc.want)
		case tc.problem != "" && (err == nil || !errors.Is(err, ErrBadURL) || !strings.Contains(err.Error(), tc.problem)):
			t.Errorf("CheckURL(%q) error %v; want ErrBadURL saying %q", tc.in, err, tc.problem)
		case tc.problem != "" && strings.Contains(err.Error(), "secret"):
			t.Errorf("CheckURL(%q) error repeats the password: %v", tc.in, err)
		}
	}
}
