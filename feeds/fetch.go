package feeds

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// A Fetcher makes every HTTP request this package sends: feeds, pages for
// discovery and article pages for full text. It is safe for concurrent use.
type Fetcher struct {
	opts      Options
	transport *http.Transport
}

// A Response is one fetch's outcome.
type Response struct {
	Status       int
	NotModified  bool   // 304: the feed has not changed since ETag/LastModified
	Body         []byte // decompressed, at most Options.MaxBodyBytes
	ContentType  string
	ETag         string
	LastModified string
	// FinalURL is where the body came from after any redirects.
	FinalURL string
	// Moved is set when every redirect followed was permanent (301, 308):
	// the URL to poll from now on. Empty otherwise.
	Moved      string
	RetryAfter time.Duration
}

// NewFetcher returns a Fetcher with its own transport. It never uses a proxy
// from the environment: a proxy would make the dial-time address check look
// at the proxy's address instead of the feed's.
func NewFetcher(opts Options) *Fetcher {
	opts = opts.withDefaults()
	guard := newAddressGuard(opts)
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           guard.dialer(opts).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   opts.Timeout,
		ResponseHeaderTimeout: opts.Timeout,
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
	}
	return &Fetcher{opts: opts, transport: tr}
}

// Options returns the options the fetcher runs with, defaults filled in.
func (f *Fetcher) Options() Options { return f.opts }

const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1"

// Fetch GETs a feed conditionally: etag and lastModified come from the last
// successful fetch and may be empty. A 304 is a Response with NotModified
// set. Any status other than 2xx and 304 returns the Response and an *Error
// (HTTP 500; rate limited, retry after 120s), so callers can keep the
// Retry-After either way.
func (f *Fetcher) Fetch(ctx context.Context, rawURL, etag, lastModified string) (*Response, error) {
	h := http.Header{}
	h.Set("Accept", feedAccept)
	if etag != "" {
		h.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		h.Set("If-Modified-Since", lastModified)
	}
	return f.get(ctx, rawURL, h)
}

// fetchPage GETs a web page (discovery, full text) with the same limits.
func (f *Fetcher) fetchPage(ctx context.Context, rawURL string) (*Response, error) {
	h := http.Header{}
	h.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	return f.get(ctx, rawURL, h)
}

func (f *Fetcher) get(ctx context.Context, rawURL string, h http.Header) (*Response, error) {
	u, err := CheckURL(rawURL)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, newError(ErrBadURL, err, "bad URL %q: %v", rawURL, err)
	}
	req.Header = h
	req.Header.Set("User-Agent", f.opts.UserAgent)

	// A client per request carries this request's redirect state; the
	// transport, and so its connection pool, is shared.
	permanent := true
	visited := map[string]bool{u.String(): true}
	client := &http.Client{
		Transport: f.transport,
		CheckRedirect: func(next *http.Request, via []*http.Request) error {
			if len(via) > f.opts.MaxRedirects {
				return newError(ErrRedirect, nil, "too many redirects (more than %d)", f.opts.MaxRedirects)
			}
			if visited[next.URL.String()] {
				return newError(ErrRedirect, nil, "redirect loop at %s", next.URL.Redacted())
			}
			visited[next.URL.String()] = true
			if _, err := CheckURL(next.URL.String()); err != nil {
				return newError(ErrRedirect, err, "redirect to %s refused: %s", next.URL.Redacted(), err)
			}
			if r := next.Response; r == nil || (r.StatusCode != http.StatusMovedPermanently && r.StatusCode != http.StatusPermanentRedirect) {
				permanent = false
			}
			return nil
		},
	}

	resp, err := client.Do(req)
	if err != nil {
		return nil, f.classify(ctx, err)
	}
	defer resp.Body.Close()

	out := &Response{
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		FinalURL:     resp.Request.URL.String(),
		RetryAfter:   parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()),
	}
	if permanent && out.FinalURL != u.String() {
		out.Moved = out.FinalURL
	}

	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode == http.StatusTooManyRequests:
		return out, statusError(ErrRateLimited, "rate limited", out.RetryAfter)
	case resp.StatusCode == http.StatusServiceUnavailable:
		return out, statusError(ErrHTTPStatus, "HTTP 503 (service unavailable)", out.RetryAfter)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return out, statusError(ErrHTTPStatus, fmt.Sprintf("HTTP %d", resp.StatusCode), 0)
	}

	if resp.ContentLength > f.opts.MaxBodyBytes {
		return out, tooLarge(f.opts.MaxBodyBytes)
	}
	// The transport decompresses gzip transparently; limiting what we read
	// from it caps decompressed bytes, which is what defeats a gzip bomb.
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBodyBytes+1))
	if err != nil {
		return out, f.classify(ctx, err)
	}
	if int64(len(body)) > f.opts.MaxBodyBytes {
		return out, tooLarge(f.opts.MaxBodyBytes)
	}
	out.Body = body
	return out, nil
}

func statusError(kind error, msg string, retry time.Duration) *Error {
	if retry > 0 {
		msg = fmt.Sprintf("%s, retry after %s", msg, roundDuration(retry))
	}
	e := newError(kind, nil, "%s", msg)
	e.RetryAfter = retry
	return e
}

func tooLarge(max int64) *Error {
	return newError(ErrTooLarge, nil, "body larger than %s", byteSize(max))
}

// classify turns a transport error into an *Error with a plain message.
func (f *Fetcher) classify(ctx context.Context, err error) error {
	var fe *Error
	if errors.As(err, &fe) {
		return fe
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) || os.IsTimeout(err) {
		return newError(ErrTimeout, err, "timeout after %s", roundDuration(f.opts.Timeout))
	}
	if errors.Is(err, context.Canceled) {
		return newError(ErrNetwork, err, "cancelled")
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		if dnsErr.IsNotFound {
			return newError(ErrNetwork, err, "cannot resolve host %s: no such host", dnsErr.Name)
		}
		return newError(ErrNetwork, err, "cannot resolve host %s: %s", dnsErr.Name, dnsErr.Err)
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return newError(ErrNetwork, err, "connection refused%s", opAddr(err))
	}
	if errors.Is(err, syscall.ECONNRESET) {
		return newError(ErrNetwork, err, "connection reset by the server")
	}
	var certErr *tls.CertificateVerificationError
	if errors.As(err, &certErr) {
		return newError(ErrNetwork, err, "TLS certificate not valid: %v", certErr.Err)
	}
	var recordErr tls.RecordHeaderError
	if errors.As(err, &recordErr) {
		return newError(ErrNetwork, err, "TLS handshake failed: the server does not speak HTTPS on that port")
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return newError(ErrNetwork, err, "connection closed before the response was complete")
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return newError(ErrNetwork, err, "network error: %v", err)
}

func opAddr(err error) string {
	var op *net.OpError
	if errors.As(err, &op) && op.Addr != nil {
		return " by " + op.Addr.String()
	}
	return ""
}

// parseRetryAfter reads delay-seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now).Round(time.Second)
	}
	return 0
}

// roundDuration prints whole seconds below ten minutes ("120s", as
// Retry-After gives them) and Go's format above ("1h30m0s").
func roundDuration(d time.Duration) string {
	if d < 10*time.Minute {
		if d < time.Second {
			return d.Round(time.Millisecond).String()
		}
		return fmt.Sprintf("%ds", int(d.Round(time.Second)/time.Second))
	}
	return d.Round(time.Second).String()
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
