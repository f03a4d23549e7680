package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// A Problem is one thing wrong with the settings, named by its field.
type Problem struct {
	Source string // the file, or the environment variable, the value came from
	Line   int    // line in the file, when the YAML library gives it
	Field  string // dotted path, e.g. feeds.timeout
	Msg    string
}

func (p Problem) String() string {
	where := p.Source
	if p.Line > 0 {
		where = fmt.Sprintf("%s:%d", where, p.Line)
	}
	if where != "" {
		where += ": "
	}
	return fmt.Sprintf("%s%s: %s", where, p.Field, p.Msg)
}

// Problems is every problem found; Load returns it as its error.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Env looks up an environment variable; os.LookupEnv in production.
type Env func(name string) (string, bool)

// Load reads the file at path (none when path is empty), applies the
// environment on top, reads the token, and checks the result. It reports
// every problem at once as Problems, so a person can fix them in one go.
func Load(path string, env Env) (Config, error) {
	cfg := Default()
	var probs Problems
	lines := map[string]int{}
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return cfg, fmt.Errorf("config: %w", err)
		}
		probs = append(probs, decodeFile(data, path, &cfg, lines)...)
	}
	probs = append(probs, applyEnv(reflect.ValueOf(&cfg).Elem(), "", env)...)
	if err := readToken(&cfg, env); err != nil {
		probs = append(probs, Problem{Source: "SITREP_DISCORD_TOKEN", Field: "discord.token", Msg: err.Error()})
	}
	for _, p := range cfg.Check() {
		if p.Source == "" {
			p.Source, p.Line = path, lines[p.Field]
		}
		probs = append(probs, p)
	}
	if len(probs) > 0 {
		return cfg, probs
	}
	return cfg, nil
}

// decodeFile walks the YAML document alongside the Config type, so an
// unknown key or a value of the wrong type is reported with its field path
// and line rather than stopping at the first error.
func decodeFile(data []byte, path string, cfg *Config, lines map[string]int) Problems {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return Problems{{Source: path, Field: "(file)", Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}}
	}
	if len(doc.Content) == 0 {
		return nil // an empty file keeps every default
	}
	w := walker{path: path, lines: lines}
	w.decode(doc.Content[0], reflect.ValueOf(cfg).Elem(), "")
	return w.probs
}

type walker struct {
	path  string
	lines map[string]int
	probs Problems
}

func (w *walker) problem(n *yaml.Node, field, msg string) {
	w.probs = append(w.probs, Problem{Source: w.path, Line: n.Line, Field: field, Msg: msg})
}

func (w *walker) decode(n *yaml.Node, v reflect.Value, field string) {
	if field != "" {
		w.lines[field] = n.Line
	}
	switch {
	case v.Kind() == reflect.Struct && v.Type() != reflect.TypeOf(time.Duration(0)):
		if n.Kind != yaml.MappingNode {
			w.problem(n, nameOr(field, "(file)"), "want a mapping of keys to values")
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			path := join(field, key.Value)
			if key.Value == "token" && v.Type() == reflect.TypeOf(Discord{}) {
				w.problem(key, path, "secrets are not read from the config file: set SITREP_DISCORD_TOKEN or discord.token_file")
				continue
			}
			f, ok := fieldByTag(v, key.Value)
			if !ok {
				w.problem(key, path, "unknown key (known: "+strings.Join(tags(v.Type()), ", ")+")")
				continue
			}
			w.decode(val, f, path)
		}
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct:
		if n.Kind != yaml.SequenceNode {
			w.problem(n, field, "want a list")
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content)))
		for i, item := range n.Content {
			w.decode(item, v.Index(i), fmt.Sprintf("%s[%d]", field, i))
		}
	default:
		if n.Kind == yaml.SequenceNode {
			for i, item := range n.Content {
				w.lines[fmt.Sprintf("%s[%d]", field, i)] = item.Line
			}
		}
		target := reflect.New(v.Type())
		if err := n.Decode(target.Interface()); err != nil {
			w.problem(n, field, fmt.Sprintf("want %s, got %q", describe(v.Type()), n.Value))
			return
		}
		v.Set(target.Elem())
	}
}

// applyEnv sets each scalar field from its SITREP_ variable, if present.
func applyEnv(v reflect.Value, prefix string, env Env) Problems {
	var probs Problems
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		tag := yamlName(t.Field(i))
		if tag == "" {
			continue
		}
		field := join(prefix, tag)
		f := v.Field(i)
		if f.Kind() == reflect.Struct && f.Type() != reflect.TypeOf(time.Duration(0)) {
			probs = append(probs, applyEnv(f, field, env)...)
			continue
		}
		if f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct {
			continue // lists of records only come from the file
		}
		name := EnvName(field)
		raw, ok := env(name)
		if !ok {
			continue
		}
		if err := setScalar(f, raw); err != nil {
			probs = append(probs, Problem{Source: name, Field: field, Msg: fmt.Sprintf("want %s, got %q", describe(f.Type()), raw)})
		}
	}
	return probs
}

// EnvName is the environment variable that overrides a field path.
func EnvName(field string) string {
	return "SITREP_" + strings.ToUpper(strings.ReplaceAll(field, ".", "_"))
}

func setScalar(f reflect.Value, raw string) error {
	raw = strings.TrimSpace(raw)
	switch {
	case f.Type() == reflect.TypeOf(time.Duration(0)):
		d, err := time.ParseDuration(raw)
		if err != nil {
			return err
		}
		f.SetInt(int64(d))
	case f.Kind() == reflect.String:
		f.SetString(raw)
	case f.Kind() == reflect.Bool:
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return err
		}
		f.SetBool(b)
	case f.Kind() == reflect.Int || f.Kind() == reflect.Int64:
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return err
		}
		f.SetInt(n)
	case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
		var list []string
		for _, s := range strings.Split(raw, ",") {
			if s = strings.TrimSpace(s); s != "" {
				list = append(list, s)
			}
		}
		f.Set(reflect.ValueOf(list))
	default:
		return errors.New("unsupported type")
	}
	return nil
}

func readToken(cfg *Config, env Env) error {
	if tok, ok := env("SITREP_DISCORD_TOKEN"); ok && strings.TrimSpace(tok) != "" {
		cfg.Discord.Token = strings.TrimSpace(tok)
		return nil
	}
	if cfg.Discord.TokenFile == "" {
		return nil
	}
	data, err := os.ReadFile(cfg.Discord.TokenFile)
	if err != nil {
		return fmt.Errorf("cannot read discord.token_file: %v", err)
	}
	cfg.Discord.Token = string(bytes.TrimSpace(data))
	if cfg.Discord.Token == "" {
		return fmt.Errorf("discord.token_file %s is empty", cfg.Discord.TokenFile)
	}
	return nil
}

func fieldByTag(v reflect.Value, name string) (reflect.Value, bool) {
	for i := 0; i < v.NumField(); i++ {
		if yamlName(v.Type().Field(i)) == name {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

func tags(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if n := yamlName(t.Field(i)); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func yamlName(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if tag == "-" {
		return ""
	}
	return tag
}

func describe(t reflect.Type) string {
	switch {
	case t == reflect.TypeOf(time.Duration(0)):
		return "a duration such as 30s, 15m or 2h"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() == reflect.Int || t.Kind() == reflect.Int64:
		return "a whole number"
	case t.Kind() == reflect.Slice:
		return "a list of strings"
	}
	return "a string"
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func nameOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
