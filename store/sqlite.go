package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/sitrep-bot/sitrep"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

var _ sitrep.Store = (*SQLite)(nil)

// SQLite is the store on one SQLite database file.
//
// Writes go through a pool of one connection, so they never wait on each
// other inside SQLite (one writer at a time is all SQLite allows anyway);
// reads go through a separate read-only pool and, in WAL mode, run beside a
// write. An in-memory database has a single connection for both.
type SQLite struct {
	path string
	w    *conns // the one writer
	r    *conns // readers; the same as w for ":memory:"
	now  func() time.Time
}

// sqliteMagic is the first 16 bytes of every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// busyTimeout is how long a statement waits for another process's lock.
const busyTimeout = 10 * time.Second

// Open opens the SQLite database at path, creating it when missing, and
// brings its schema up to date. path ":memory:" opens a private in-memory
// database, for tests.
//
// A file that is not a SQLite database, or whose schema is newer than this
// build knows, is refused and left untouched.
func Open(path string) (*SQLite, error) {
	if path == "" {
		return nil, errors.New("store: no database path given")
	}
	memory := path == ":memory:"
	if !memory {
		if err := checkHeader(path); err != nil {
			return nil, err
		}
	}
	s := &SQLite{path: path, now: time.Now}

	w, err := sql.Open("sqlite", dsn(path, memory, false))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0) // an in-memory database lives exactly as long as its connection
	w.SetConnMaxIdleTime(0)
	s.w = newConns(w)
	s.r = s.w

	ctx := context.Background()
	if err := s.migrate(ctx, migrationFiles); err != nil {
		s.w.Close()
		return nil, err
	}
	if memory {
		return s, nil
	}
	// WAL is a property of the file, set once, after the version check so a
	// refused file is not converted.
	if _, err := w.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("store: %s: enable WAL: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn(path, memory, true))
	if err != nil {
		s.w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	s.r = newConns(r)
	return s, nil
}

// dsn builds the driver's data source name: a file: URI, so that a path
// holding '?' or '#' still names a file, with the per-connection pragmas.
func dsn(path string, memory, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)") // durable enough in WAL mode, and much faster
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		// Write transactions take the write lock when they begin, so two
		// writers queue on busy_timeout instead of one failing to upgrade.
		q.Set("_txlock", "immediate")
		// A batch of stories touches more pages than the default 2 MB
		// cache holds; spilling them mid-transaction writes and rereads them.
		q.Add("_pragma", "cache_size(-32768)")
	}
	if memory {
		return ":memory:?" + q.Encode()
	}
	return "file:" + escapePath(path) + "?" + q.Encode()
}

// escapePath escapes the characters a SQLite URI gives meaning to.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// checkHeader refuses an existing, non-empty file that does not start with the
// SQLite header, before the driver opens (and could write to) it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if info.IsDir() {
		return fmt.Errorf("store: %s is a directory, not a SQLite database", path)
	}
	if info.Size() == 0 {
		return nil
	}
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, []byte(sqliteMagic)) {
		return fmt.Errorf("store: %s is not a SQLite database", path)
	}
	return nil
}

// Path returns the path the store was opened with.
func (s *SQLite) Path() string { return s.path }

// Ping checks that the database answers, for readiness probes.
func (s *SQLite) Ping(ctx context.Context) error {
	var one int
	if err := s.r.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// Close closes the database. Pending writes are already committed; Close
// lets SQLite fold the WAL back into the file.
func (s *SQLite) Close() error {
	var errs []error
	if s.r != s.w {
		errs = append(errs, s.r.Close())
	}
	if _, err := s.w.db.Exec("PRAGMA optimize"); err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, s.w.Close())
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// tx runs fn in a write transaction, committed when fn returns nil.
func (s *SQLite) tx(ctx context.Context, fn func(*txn) error) error {
	tx, err := s.w.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	t := &txn{tx: tx, c: s.w}
	err = t.run(fn)
	s.w.prepare(ctx, t.missed)
	return err
}

// durableTx is tx for the records that must survive a power cut, not only a
// crash: the commit waits until the WAL is on disk. The delivery records use
// it, so a slot that was begun is never begun again; everything else keeps
// the cheaper synchronous=NORMAL.
func (s *SQLite) durableTx(ctx context.Context, fn func(*txn) error) error {
	conn, err := s.w.db.Conn(ctx)
	if err != nil {
		return err
	}
	t := &txn{c: s.w}
	err = func() error {
		if _, err := conn.ExecContext(ctx, "PRAGMA synchronous = FULL"); err != nil {
			return err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA synchronous = NORMAL")
		if t.tx, err = conn.BeginTx(ctx, nil); err != nil {
			return err
		}
		return t.run(fn)
	}()
	conn.Close()
	s.w.prepare(ctx, t.missed) // after Close: preparing needs the connection
	return err
}
