package main

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// runHealthcheck asks the running bot's operations listener whether it is
// ready. Distroless images have no curl, so the binary checks itself.
func runHealthcheck(ctx context.Context, env *environment, args []string) error {
	cfg, err := configOnly(env, "healthcheck", args)
	if err != nil {
		return err
	}
	if cfg.HTTP.Listen == "" {
		return fmt.Errorf("http.listen is off: nothing to check (set SITREP_HTTP_LISTEN)")
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+cfg.HTTP.Listen+"/readyz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("/readyz answered %s", resp.Status)
	}
	fmt.Fprintln(env.stdout, "ready")
	return nil
}
