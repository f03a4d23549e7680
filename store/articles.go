package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-bot/sitrep"
)

const articleColumns = `a.id, a.feed_id, a.url, a.link, a.title, a.outlet, a.author, a.published,
	a.date_guessed, a.fetched, a.summary, a.paragraphs, a.hash`

func scanArticle(row rowScanner) (sitrep.Article, error) {
	var a sitrep.Article
	err := row.Scan(&a.ID, &a.FeedID, &a.URL, &a.Link, &a.Title, &a.Outlet, &a.Author, timeCol{&a.Published},
		&a.DateGuessed, timeCol{&a.Fetched}, &a.Summary, jsonCol{&a.Paragraphs}, &a.Hash)
	return a, err
}

// PutArticle stores an article and indexes its text for search, unless an
// article with the same ID, canonical URL or content hash is already stored;
// then nothing changes and inserted is false.
func (s *SQLite) PutArticle(ctx context.Context, a sitrep.Article) (inserted bool, err error) {
	if a.ID == "" {
		return false, errors.New("store: put article: no ID")
	}
	paras, err := toJSON(a.Paragraphs)
	if err != nil {
		return false, err
	}
	err = s.tx(ctx, func(tx *txn) (err error) {
		inserted, err = putArticle(ctx, tx, a, paras)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("store: put article %s: %w", a.ID, err)
	}
	return inserted, nil
}

func putArticle(ctx context.Context, tx *txn, a sitrep.Article, paras string) (bool, error) {
	// With no conflict target, DO NOTHING covers the primary key and both
	// unique indexes (url, hash) at once.
	res, err := tx.ExecContext(ctx, `INSERT INTO articles (id, feed_id, url, link, title, outlet, author,
		published, date_guessed, fetched, summary, paragraphs, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		a.ID, a.FeedID, a.URL, a.Link, a.Title, a.Outlet, a.Author, dbTime(a.Published),
		boolInt(a.DateGuessed), dbTime(a.Fetched), a.Summary, paras, a.Hash)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	rowid, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)`,
		rowid, a.Title, a.Summary, strings.Join(a.Paragraphs, "\n"))
	return err == nil, err
}

// Article returns the article with the given ID, or sitrep.ErrNotFound.
func (s *SQLite) Article(ctx context.Context, id string) (sitrep.Article, error) {
	a, err := scanArticle(s.r.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, id))
	return a, notFound(err, "article %s", id)
}

// ArticleByURL finds an article by canonical URL, else by the link its feed
// gave.
func (s *SQLite) ArticleByURL(ctx context.Context, url string) (sitrep.Article, error) {
	if url == "" {
		return sitrep.Article{}, notFound(sql.ErrNoRows, "article with no URL")
	}
	// The repeated "<> ''" terms let SQLite use the partial indexes.
	a, err := scanArticle(s.r.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a
		WHERE (a.url = ?1 AND a.url <> '') OR (a.link = ?1 AND a.link <> '')
		ORDER BY a.url = ?1 DESC LIMIT 1`, url))
	return a, notFound(err, "article at %s", url)
}

// ArticlesPublished returns articles published in [from, to), oldest first.
// Articles without a publication time are never returned.
func (s *SQLite) ArticlesPublished(ctx context.Context, from, to time.Time) ([]sitrep.Article, error) {
	return s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a
		WHERE a.published >= ? AND a.published < ? ORDER BY a.published, a.id`, fmtTime(from), fmtTime(to))
}

func (s *SQLite) queryArticles(ctx context.Context, query string, args ...any) ([]sitrep.Article, error) {
	return queryAll(ctx, s.r, "articles", scanArticle, query, args...)
}

// SeenItem reports whether the feed held itemID when it was marked seen.
func (s *SQLite) SeenItem(ctx context.Context, feedID int64, itemID string) (bool, error) {
	var one int
	err := s.r.QueryRowContext(ctx, `SELECT 1 FROM seen_items WHERE feed_id = ? AND item_id = ?`, feedID, itemID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: seen item: %w", err)
	}
	return true, nil
}

// MarkSeen records the item IDs a feed holds; IDs already recorded are kept.
func (s *SQLite) MarkSeen(ctx context.Context, feedID int64, itemIDs []string) error {
	if len(itemIDs) == 0 {
		return nil
	}
	err := s.tx(ctx, func(tx *txn) error {
		for _, id := range itemIDs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO seen_items (feed_id, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
				feedID, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: mark seen: %w", err)
	}
	return nil
}
