package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/sitrep-bot/sitrep/config"
)

// configFlag adds --config to a command; its default is SITREP_CONFIG.
func configFlag(fs *flag.FlagSet, env *environment) *string {
	def, _ := env.getenv("SITREP_CONFIG")
	return fs.String("config", def, "YAML configuration `file` (default: $SITREP_CONFIG, else built-in defaults)")
}

// loadConfig reads the configuration, printing every problem on its own line.
func loadConfig(env *environment, path string) (config.Config, error) {
	cfg, err := config.Load(path, env.getenv)
	var probs config.Problems
	if errors.As(err, &probs) {
		for _, p := range probs {
			fmt.Fprintln(env.stderr, p.String())
		}
		return cfg, fmt.Errorf("%d problem(s) in the configuration", len(probs))
	}
	return cfg, err
}

// configOnly parses the arguments of a command whose one flag is --config
// and loads the configuration it names.
func configOnly(env *environment, name string, args []string) (config.Config, error) {
	fs := newFlags(env, name, "[--config FILE]")
	path := configFlag(fs, env)
	if err := parse(fs, env, args); err != nil {
		return config.Config{}, err
	}
	return loadConfig(env, *path)
}

func runConfig(ctx context.Context, env *environment, args []string) error {
	fs := newFlags(env, "config", "check [--config FILE]")
	path := configFlag(fs, env)
	if len(args) == 0 || args[0] != "check" {
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			fs.SetOutput(env.stdout)
			fs.Usage()
			return nil
		}
		fs.Usage()
		return errUsage
	}
	if err := parse(fs, env, args[1:]); err != nil {
		return err
	}
	cfg, err := loadConfig(env, *path)
	if err != nil {
		return err
	}
	where := *path
	if where == "" {
		where = "built-in defaults (no file)"
	}
	fmt.Fprintf(env.stdout, "ok: %s\n", where)
	token := "not set: Discord delivery off"
	if cfg.Discord.Token != "" {
		token = "set"
	}
	fmt.Fprintf(env.stdout, "database %s · %d feed(s) · %d schedule(s) · discord token %s\n",
		cfg.Database.Path, len(cfg.Feeds.URLs), len(cfg.Schedules), token)
	return nil
}

// newLogger builds the structured logger the configuration asks for.
func newLogger(w io.Writer, cfg config.Log) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.Level))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
