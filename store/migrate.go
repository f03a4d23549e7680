package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrationFiles are the schema changes, named NNNN_what.sql and applied in
// number order. A released file is never edited: a change is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the migrations in fsys in version order.
func migrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("store: migration %s: name must start with a positive number and '_'", base)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("store: migrations %s and %s share version %d", ms[i-1].name, ms[i].name, ms[i].version)
		}
	}
	return ms, nil
}

// schemaVersion is the newest migration applied to the database, 0 for a new
// one.
func schemaVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var n int
	err := q.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n)
	if err != nil || n == 0 {
		return 0, err
	}
	var v int
	err = q.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// migrate applies the migrations the database lacks, each in its own
// transaction with its row in schema_migrations, so a crash leaves the schema
// at a version boundary. It refuses a database newer than this build before
// writing anything.
func (s *SQLite) migrate(ctx context.Context, fsys fs.FS) error {
	ms, err := migrations(fsys)
	if err != nil {
		return err
	}
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].version
	}
	have, err := schemaVersion(ctx, s.w)
	if err != nil {
		return fmt.Errorf("store: %s: read schema version: %w", s.path, err)
	}
	if have > latest {
		return s.tooNew(have, latest)
	}
	for _, m := range ms {
		if m.version <= have {
			continue
		}
		err := s.tx(ctx, func(tx *txn) error {
			// Another process may have migrated while this one waited for
			// the write lock.
			cur, err := schemaVersion(ctx, tx)
			if err != nil {
				return err
			}
			if cur > latest {
				return s.tooNew(cur, latest)
			}
			if cur >= m.version {
				return nil
			}
			if _, err := tx.tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
				version INTEGER PRIMARY KEY,
				name    TEXT NOT NULL,
				applied TEXT NOT NULL
			)`); err != nil {
				return err
			}
			// Unprepared: a migration holds many statements and runs once.
			if _, err := tx.tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err = tx.tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`,
				m.version, m.name, fmtTime(s.now()))
			return err
		})
		if err != nil {
			return fmt.Errorf("store: %s: migration %s: %w", s.path, m.name, err)
		}
	}
	return nil
}

func (s *SQLite) tooNew(have, latest int) error {
	return fmt.Errorf("store: %s has schema version %d but this build supports up to version %d; "+
		"refusing to open it rather than downgrade (run a newer build)", s.path, have, latest)
}
