package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestOpenMemory(t *testing.T) {
	s, err := Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	// Several operations in a row must see one database, not one per connection.
	if _, err := s.AddFeed(ctx, feedAt("https://example.org/rss")); err != nil {
		t.Fatal(err)
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 1 {
		t.Fatalf("Feeds after AddFeed on :memory: = %v, %v; want one feed", feeds, err)
	}
}

func TestOpenFileSettings(t *testing.T) {
	s := openTemp(t)
	var mode string
	if err := s.w.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := s.r.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("reader foreign_keys = %d, %v; want 1", fk, err)
	}
	var busy int
	if err := s.w.db.QueryRow("PRAGMA busy_timeout").Scan(&busy); err != nil || busy != int(busyTimeout.Milliseconds()) {
		t.Errorf("busy_timeout = %d, %v; want %d", busy, err, busyTimeout.Milliseconds())
	}
	// FTS5 must be compiled in: search depends on it.
	var fts int
	if err := s.r.db.QueryRow("SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&fts); err != nil || fts != 1 {
		t.Errorf("ENABLE_FTS5 = %d, %v; want 1", fts, err)
	}
	// The reader pool must not write.
	if _, err := s.r.db.Exec("INSERT INTO guild_settings (guild_id) VALUES ('g')"); err == nil {
		t.Error("write through the read pool succeeded")
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd?name#1%.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddFeed(ctx, feedAt("https://example.org/rss")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		t.Fatalf("database not written at %q: %v", path, err)
	}
}

func TestMigrationsIdempotentOnReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sitrep.db")
	for i := 0; i < 3; i++ {
		s, err := Open(path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		if i == 0 {
			if _, err := s.AddFeed(ctx, feedAt("https://example.org/rss")); err != nil {
				t.Fatal(err)
			}
		}
		var rows, latest int
		if err := s.r.db.QueryRow("SELECT count(*), max(version) FROM schema_migrations").Scan(&rows, &latest); err != nil {
			t.Fatal(err)
		}
		ms, _ := migrations(migrationFiles)
		if rows != len(ms) || latest != ms[len(ms)-1].version {
			t.Errorf("open %d: schema_migrations has %d rows up to %d; want %d up to %d",
				i, rows, latest, len(ms), ms[len(ms)-1].version)
		}
		feeds, err := s.Feeds(ctx)
		if err != nil || len(feeds) != 1 {
			t.Errorf("open %d: feeds = %v, %v; want the one added", i, feeds, err)
		}
		s.Close()
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sitrep.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.db.Exec("INSERT INTO schema_migrations (version, name, applied) VALUES (9999, '9999_future.sql', '')"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	_, err = Open(path)
	if err == nil {
		t.Fatal("Open accepted a database from a newer schema")
	}
	ms, _ := migrations(migrationFiles)
	for _, want := range []string{"9999", fmt.Sprintf("version %d", ms[len(ms)-1].version), "downgrade"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("refused database file was modified")
	}
}

func TestOpenRefusesNonSQLite(t *testing.T) {
	for _, tc := range []struct{ name, body string }{
		{"config.yaml", "discord:\n  token: abc\n"},
		{"short.db", "SQLite"},
		{"page.html", "<!doctype html><html><body>Not found</body></html>"},
		{"almost.db", "SQLite format 2\x00" + strings.Repeat("\x00", 100)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name)
			if err := os.WriteFile(path, []byte(tc.body), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(path)
			if err == nil || err.Error() != "store: "+path+" is not a SQLite database" {
				t.Fatalf("Open = %v; want store: %s is not a SQLite database", err, path)
			}
			after, _ := os.ReadFile(path)
			if string(after) != tc.body {
				t.Error("refused file was modified")
			}
			if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
				t.Error("refused file got a WAL beside it")
			}
		})
	}
}

func TestOpenRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Fatalf("Open(dir) = %v; want an error naming a directory", err)
	}
}

func TestOpenEmptyFile(t *testing.T) {
	// An empty file is what SQLite itself creates; it is a new database.
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestFailedMigrationLeavesPreviousVersion(t *testing.T) {
	s, err := Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, _ := migrations(migrationFiles)
	latest := ms[len(ms)-1].version
	next := fmt.Sprintf("migrations/%04d_broken.sql", latest+1)
	fsys := fstest.MapFS{next: {Data: []byte(
		"CREATE TABLE half_done (x INTEGER);\nALTER TABLE no_such_table ADD COLUMN y TEXT;")}}
	for _, m := range ms {
		fsys["migrations/"+m.name] = &fstest.MapFile{Data: []byte(m.sql)}
	}
	err = s.migrate(ctx, fsys)
	if err == nil || !strings.Contains(err.Error(), "broken.sql") {
		t.Fatalf("migrate = %v; want an error naming the broken migration", err)
	}
	if v, _ := schemaVersion(ctx, s.r); v != latest {
		t.Errorf("schema version after failed migration = %d; want %d", v, latest)
	}
	var n int
	s.r.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").Scan(&n)
	if n != 0 {
		t.Error("a failed migration left part of its changes")
	}
}

func TestMigrationNames(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
	}{
		{"no number", fstest.MapFS{"migrations/init.sql": {}}},
		{"duplicate", fstest.MapFS{"migrations/0001_a.sql": {}, "migrations/01_b.sql": {}}},
	} {
		if _, err := migrations(tc.files); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
	ms, err := migrations(fstest.MapFS{"migrations/0010_c.sql": {}, "migrations/0002_b.sql": {}, "migrations/0001_a.sql": {}})
	if err != nil || len(ms) != 3 || ms[0].version != 1 || ms[1].version != 2 || ms[2].version != 10 {
		t.Errorf("migrations out of order: %+v, %v", ms, err)
	}
}
