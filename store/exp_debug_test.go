package store

import (
	"database/sql"
	"encoding/json"
	"os"
	"testing"
	"time"
)

func TestSearchExp(t *testing.T) {
	path := "/tmp/bench-search.db"
	_, statErr := os.Stat(path)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if statErr != nil {
		g := newWordGen(11)
		t0 := time.Now()
		for start := 0; start < 100000; start += 2000 {
			s.tx(ctx, func(tx *sql.Tx) error {
				for i := start; i < start+2000; i++ {
					a := benchArticle(g, i)
					paras, _ := json.Marshal(a.Paragraphs)
					if _, err := putArticle(ctx, tx, a, string(paras)); err != nil {
						return err
					}
				}
				return nil
			})
		}
		t.Log("seed", time.Since(t0))
	}
	for _, q := range []string{`"the"`, `"name10x"`, `"name3000x"`, `"the" "name3000x"`, `"killed" "civilians"`} {
		for _, sqlq := range []string{
			`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`,
			`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 10.0, 4.0, 1.0) LIMIT 20`,
			`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20`,
			`SELECT rowid FROM (SELECT rowid, bm25(articles_fts, 10.0, 4.0, 1.0) AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 2000) ORDER BY score LIMIT 20`,
		} {
			t0 := time.Now()
			rows, err := s.r.Query(sqlq, q)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			var c int
			for rows.Next() {
				rows.Scan(&c)
				n++
			}
			rows.Close()
			t.Logf("%-22s %8v rows=%d first=%d  %.60s", q, time.Since(t0).Round(time.Microsecond), n, c, sqlq)
		}
	}
}
