package store

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/sitrep-bot/sitrep"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// notFound turns sql.ErrNoRows into sitrep.ErrNotFound, naming what was
// looked for, and wraps any other error.
func notFound(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	what := fmt.Sprintf(format, args...)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: %s: %w", what, sitrep.ErrNotFound)
	}
	return fmt.Errorf("store: %s: %w", what, err)
}

// affected reports sitrep.ErrNotFound when a statement changed no row.
func affected(res sql.Result, err error, format string, args ...any) error {
	if err == nil {
		var n int64
		if n, err = res.RowsAffected(); err == nil && n == 0 {
			err = sql.ErrNoRows
		}
	}
	return notFound(err, format, args...)
}

// isUnique reports whether err is a UNIQUE constraint failure.
func isUnique(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) &&
		(e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
}
