package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/sitrep-bot/sitrep"
)

// ftsQuery turns user text into an FTS5 query matching rows that hold every
// word. Each word becomes an FTS5 string (quoted, inner quotes doubled), so
// operators, parentheses, column filters and stars in the input are plain
// text. Words with no letter or digit are dropped: the tokenizer would make
// nothing of them. Written by hand because neither the driver nor the
// standard library quotes FTS5 queries.
func ftsQuery(q string) string { return strings.Join(ftsTerms(q), " ") }

// ftsTerms is ftsQuery's list of quoted words.
func ftsTerms(q string) []string {
	var terms []string
	for _, w := range strings.Fields(strings.ToValidUTF8(q, " ")) {
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
			continue
		}
		w = strings.Map(func(r rune) rune {
			if r == 0 || unicode.IsControl(r) {
				return ' '
			}
			return r
		}, w)
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return terms
}

// defaultSearchLimit is the number of results when the caller asks for none.
const defaultSearchLimit = 20

// searchWindow is how many of the newest matching articles a search ranks: a
// query matching more is about the latest news.
const searchWindow = 1000

// The ranking leaves out words found in more than 1 article in
// commonShare, judged on the newest sampleRows articles, once the store
// holds more than sampleRows. FTS5's bm25() reads
// every article holding a word to weigh it, so one word found in most
// articles made a search take as long as reading them all; and such a word
// weighs almost nothing in BM25 (nothing at all past half the articles).
const (
	sampleRows  = 5000
	commonShare = 20
)

// SearchArticles returns the articles that hold every word of query in their
// title, summary or text, best match first: BM25, a title match weighing
// most, over the words that are not common; among equals, and when every
// word is common, title matches first and then the most recently stored.
// When more than searchWindow articles match, only the newest searchWindow
// are ranked. query is plain user text, never parsed as FTS5 syntax; a query
// with no words returns nothing.
func (s *SQLite) SearchArticles(ctx context.Context, query string, limit int) ([]sitrep.Article, error) {
	terms := ftsTerms(query)
	if len(terms) == 0 {
		return nil, nil
	}
	if limit <= 0 {
		limit = defaultSearchLimit
	}
	ranked, err := s.searchRanked(ctx, terms)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	if len(ranked) > limit {
		ranked = ranked[:limit]
	}
	ids, err := json.Marshal(ranked)
	if err != nil {
		return nil, err
	}
	return s.queryArticles(ctx, `SELECT `+articleColumns+` FROM json_each(?) j
		JOIN articles a ON a.rowid = j.value ORDER BY j.key`, string(ids))
}

// searchRanked returns the rowids of the articles matching every term, best
// first.
func (s *SQLite) searchRanked(ctx context.Context, terms []string) ([]int64, error) {
	// FTS5 walks its matches in rowid order natively, so the LIMIT stops
	// the walk; rowids grow as articles are stored.
	cands, err := s.rowids(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?`,
		strings.Join(terms, " "), searchWindow)
	if err != nil || len(cands) == 0 {
		return nil, err
	}
	lo, hi := cands[len(cands)-1], cands[0]
	rare, err := s.rareTerms(ctx, terms)
	if err != nil {
		return nil, err
	}
	score := make(map[int64]float64, len(cands)) // lower is better, as bm25() gives it
	if len(rare) > 0 {
		rows, err := s.r.QueryContext(ctx, `SELECT rowid, bm25(articles_fts, 10.0, 4.0, 1.0) FROM articles_fts
			WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?`, strings.Join(rare, " "), lo, hi)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var sc float64
			if err := rows.Scan(&id, &sc); err != nil {
				return nil, err
			}
			score[id] = sc
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	} else {
		inTitle, err := s.rowids(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?`,
			"{title}: ("+strings.Join(terms, " ")+")", lo, hi)
		if err != nil {
			return nil, err
		}
		for _, id := range inTitle {
			score[id] = -1
		}
	}
	// cands is newest first; a stable sort keeps that order among equals.
	slices.SortStableFunc(cands, func(a, b int64) int {
		sa, sb := score[a], score[b]
		switch {
		case sa < sb:
			return -1
		case sa > sb:
			return 1
		}
		return 0
	})
	return cands, nil
}

// rareTerms returns the terms found in at most 1 in commonShare of the
// newest sampleRows articles, or every term when the store holds no more
// than that. Counting within the newest rowids reads at most sampleRows
// entries a term.
func (s *SQLite) rareTerms(ctx context.Context, terms []string) ([]string, error) {
	var top int64
	if err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM articles`).Scan(&top); err != nil {
		return nil, err
	}
	if top <= sampleRows {
		return terms, nil // every term is cheap to weigh
	}
	sample := int64(sampleRows)
	var rare []string
	for _, t := range terms {
		var n int64
		err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ?`,
			t, top-sample).Scan(&n)
		if err != nil {
			return nil, err
		}
		if n*commonShare <= sample {
			rare = append(rare, t)
		}
	}
	return rare, nil
}

func (s *SQLite) rowids(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
