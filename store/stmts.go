package store

import (
	"context"
	"database/sql"
	"sync"
)

// conns is a database/sql pool whose statements are prepared once and then
// reused: the driver keeps no statement cache, and parsing the SQL cost as
// much as running it in the benchmarks. Every statement text is a constant,
// so the cache stays small.
type conns struct {
	db *sql.DB
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

func newConns(db *sql.DB) *conns { return &conns{db: db, m: map[string]*sql.Stmt{}} }

func (c *conns) cached(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[query]
}

// stmt returns the prepared statement for query, preparing it on first use.
// The lock is not held while preparing: preparing waits for a free
// connection, and the holder of that connection may need the cache.
func (c *conns) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st := c.cached(query); st != nil {
		return st, nil
	}
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.m[query]; old != nil {
		st.Close()
		return old, nil
	}
	c.m[query] = st
	return st, nil
}

func (c *conns) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (c *conns) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (c *conns) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return c.db.QueryRowContext(ctx, query, args...) // a Row carrying the same error
	}
	return st.QueryRowContext(ctx, args...)
}

// prepare caches the statements a transaction ran unprepared. It must not be
// called while holding a connection of the pool. A statement that fails to
// prepare runs unprepared again next time.
func (c *conns) prepare(ctx context.Context, queries []string) {
	for _, q := range queries {
		c.stmt(ctx, q)
	}
}

// Close closes the cached statements and the pool.
func (c *conns) Close() error {
	c.mu.Lock()
	for q, st := range c.m {
		st.Close()
		delete(c.m, q)
	}
	c.mu.Unlock()
	return c.db.Close()
}

// txn is a write transaction using the pool's prepared statements. A
// statement not prepared on the pool yet is prepared on the transaction
// (preparing it on the pool would wait for the connection this transaction
// holds) and on the pool after the transaction ends. Each statement is
// prepared once per transaction however often it runs: a batch runs a few
// statements thousands of times.
type txn struct {
	tx     *sql.Tx
	c      *conns
	stmts  map[string]*sql.Stmt
	missed []string
}

// stmt returns query prepared for the transaction, or nil when it cannot be
// prepared; the caller then runs it unprepared, which reports the error.
func (t *txn) stmt(ctx context.Context, query string) *sql.Stmt {
	if st := t.stmts[query]; st != nil {
		return st
	}
	var st *sql.Stmt
	if pooled := t.c.cached(query); pooled != nil {
		st = t.tx.StmtContext(ctx, pooled)
	} else {
		t.missed = append(t.missed, query)
		var err error
		if st, err = t.tx.PrepareContext(ctx, query); err != nil {
			return nil
		}
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[query] = st
	return st
}

func (t *txn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.tx.ExecContext(ctx, query, args...)
}

func (t *txn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, query, args...)
}

func (t *txn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, query, args...)
}

// run runs fn and commits, or rolls back when fn fails.
func (t *txn) run(fn func(*txn) error) error {
	if err := fn(t); err != nil {
		t.tx.Rollback()
		return err
	}
	return t.tx.Commit()
}
