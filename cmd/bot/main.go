// Command bot is Sitrep: it polls news feeds, extracts incidents and
// diplomatic developments, groups reports of one event into stories and
// posts briefings to Discord. This package only parses the command line and
// wires the parts together; each part lives in a package of its own.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // schedule time zones work in images with no zoneinfo
)

// A command is one `bot` sub-command.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *environment, args []string) error
}

func commands() []command {
	return []command{
		{"run", "run the bot: poll feeds, build stories, post scheduled briefings, answer slash commands", runDaemon},
		{"demo", "offline showcase: serve the bundled sample feeds on loopback, poll them, print the briefing", runDemo},
		{"briefing", "print the briefing for feed files on disk (or a database) over a time window", runBriefing},
		{"feeds", "manage feeds from the shell: add, list, remove, check", runFeeds},
		{"config", "check a configuration file: bot config check --config FILE", runConfig},
		{"healthcheck", "exit 0 when the running bot's /readyz answers (for container health checks)", runHealthcheck},
		{"version", "print the version", runVersion},
	}
}

// environment is what every command gets from main: its output streams and
// how to read the process environment.
type environment struct {
	stdout, stderr io.Writer
	getenv         func(string) (string, bool)
}

// errUsage marks an error already explained by a usage message.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli(ctx, &environment{stdout: os.Stdout, stderr: os.Stderr, getenv: os.LookupEnv}, os.Args[1:])
	stop()
	os.Exit(code)
}

// cli runs one command and returns the process exit code.
func cli(ctx context.Context, env *environment, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			return cli(ctx, env, []string{args[1], "--help"})
		}
		usage(env.stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, env, args[1:])
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		default:
			fmt.Fprintf(env.stderr, "bot %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(env.stderr, "bot: unknown command %q\n\n", args[0])
	usage(env.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Sitrep turns news feeds into daily situation briefings on Discord.")
	fmt.Fprintln(w, "\nUsage: bot <command> [flags]    (bot <command> --help for its flags)\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nSettings come from --config FILE (or SITREP_CONFIG) and SITREP_* environment variables.")
}

// newFlags makes a command's flag set: errors go to stderr with the usage,
// and parse errors are reported once by the caller as errUsage.
func newFlags(env *environment, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet("bot "+name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: bot %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, turning a bad flag into errUsage (already printed)
// and --help into flag.ErrHelp printed to stdout.
func parse(fs *flag.FlagSet, env *environment, args []string) error {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(env.stdout)
		}
	}
	// Flags may come after positional arguments ("feeds add URL --name X"),
	// which the flag package alone stops at.
	var positional []string
	for {
		err := fs.Parse(args)
		switch {
		case errors.Is(err, flag.ErrHelp):
			return flag.ErrHelp
		case err != nil:
			return errUsage
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	fs.Parse(append([]string{"--"}, positional...)) // leaves them as fs.Args()
	return nil
}
