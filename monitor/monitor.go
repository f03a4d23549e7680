// Package monitor owns the bot's operational surface: the Prometheus
// metrics every stage reports into, and the HTTP listener that serves
// /healthz, /readyz and /metrics. It knows nothing of feeds or Discord; the
// command line wires the counters to the stages.
package monitor

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the counters and histograms the bot exports.
type Metrics struct {
	Registry           *prometheus.Registry
	FeedsPolled        prometheus.Counter
	FetchErrors        prometheus.Counter
	ArticlesStored     prometheus.Counter
	Stories            prometheus.Counter
	BriefingsDelivered prometheus.Counter
	CommandLatency     *prometheus.HistogramVec
}

// NewMetrics registers the bot's metrics, with the Go runtime and process
// collectors, on a registry of their own (no global state).
func NewMetrics() *Metrics {
	r := prometheus.NewRegistry()
	m := &Metrics{
		Registry:           r,
		FeedsPolled:        prometheus.NewCounter(prometheus.CounterOpts{Name: "sitrep_feeds_polled_total", Help: "Feed fetches attempted."}),
		FetchErrors:        prometheus.NewCounter(prometheus.CounterOpts{Name: "sitrep_fetch_errors_total", Help: "Feed fetches that failed."}),
		ArticlesStored:     prometheus.NewCounter(prometheus.CounterOpts{Name: "sitrep_articles_stored_total", Help: "New articles stored."}),
		Stories:            prometheus.NewCounter(prometheus.CounterOpts{Name: "sitrep_stories_touched_total", Help: "Stories created or updated by a new report."}),
		BriefingsDelivered: prometheus.NewCounter(prometheus.CounterOpts{Name: "sitrep_briefings_delivered_total", Help: "Scheduled briefings posted to Discord."}),
		CommandLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "sitrep_command_seconds", Help: "Time to answer a slash command.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"command"}),
	}
	r.MustRegister(m.FeedsPolled, m.FetchErrors, m.ArticlesStored, m.Stories, m.BriefingsDelivered, m.CommandLatency,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Server serves the operations endpoints. Ready reports whether the bot can
// do its work (the database answers); /healthz only says the process runs.
type Server struct {
	Metrics *Metrics
	Ready   func(ctx context.Context) error
	Logger  *slog.Logger
}

// Handler returns the endpoints' routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if s.Ready != nil {
			if err := s.Ready(ctx); err != nil {
				http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
				return
			}
		}
		w.Write([]byte("ready\n"))
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.Metrics.Registry, promhttp.HandlerOpts{}))
	return mux
}

// Serve listens on addr until ctx ends, then shuts down gracefully. The
// listener is opened before Serve returns an error, so a busy port is
// reported at start-up.
func (s *Server) Serve(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.ServeListener(ctx, ln)
}

// ServeListener is Serve on a listener the caller opened.
func (s *Server) ServeListener(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 5 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err := srv.Shutdown(shut)
		if e := <-done; e != nil && !errors.Is(e, http.ErrServerClosed) && err == nil {
			err = e
		}
		return err
	}
}
