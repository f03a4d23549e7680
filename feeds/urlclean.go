package feeds

import (
	_ "embed"
	"net/url"
	"strings"
)

//go:embed data/tracking_params.txt
var trackingParamsData string

// trackingParams matches query parameters that only track a click.
type trackingParams struct {
	exact    map[string]bool
	prefixes []string
}

func loadTrackingParams(data string) *trackingParams {
	t := &trackingParams{exact: map[string]bool{}}
	for _, line := range strings.Split(data, "\n") {
		line = strings.ToLower(strings.TrimSpace(line))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if p, ok := strings.CutSuffix(line, "*"); ok {
			t.prefixes = append(t.prefixes, p)
			continue
		}
		t.exact[line] = true
	}
	return t
}

func (t *trackingParams) match(name string) bool {
	name = strings.ToLower(name)
	if t.exact[name] {
		return true
	}
	for _, p := range t.prefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// CanonicalURL returns the form of an article URL used to recognise it
// again: scheme and host lower-cased, default port, fragment and tracking
// parameters removed, an empty path made "/". Other parameters keep their
// order, since some sites route on them. Relative links are resolved
// against base. A link that does not parse is returned trimmed.
func CanonicalURL(link, base string) string {
	return defaultCleaner.canonical(link, base)
}

type urlCleaner struct{ params *trackingParams }

// defaultCleaner is read-only after package initialisation.
var defaultCleaner = urlCleaner{params: loadTrackingParams(trackingParamsData)}

func (c urlCleaner) canonical(link, base string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	if !u.IsAbs() && base != "" {
		if b, err := url.Parse(base); err == nil && b.IsAbs() {
			u = b.ResolveReference(u)
		}
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Host)
	if (u.Scheme == "http" && strings.HasSuffix(host, ":80")) || (u.Scheme == "https" && strings.HasSuffix(host, ":443")) {
		host = host[:strings.LastIndexByte(host, ':')]
	}
	u.Host = strings.TrimSuffix(host, ".")
	u.Fragment, u.RawFragment = "", ""
	if u.Host != "" && u.Path == "" && u.Opaque == "" {
		u.Path = "/"
	}
	if u.RawQuery != "" {
		var keep []string
		for _, kv := range strings.Split(u.RawQuery, "&") {
			if kv == "" {
				continue
			}
			name, _, _ := strings.Cut(kv, "=")
			if n, err := url.QueryUnescape(name); err == nil {
				name = n
			}
			if c.params.match(name) {
				continue
			}
			keep = append(keep, kv)
		}
		u.RawQuery = strings.Join(keep, "&")
	}
	u.ForceQuery = false
	return u.String()
}
