// Package store persists every domain type of the bot: feeds and their poll
// state, subscriptions, articles with their full text, seen feed items,
// events, stories with the blocking index clustering looks them up by, guild
// settings, schedules, filters and the delivery records that make each
// scheduled briefing post exactly once.
//
// SQLite is the engine for now, through the pure-Go driver modernc.org/sqlite,
// so the bot builds without cgo. Callers depend on the interfaces in package
// sitrep, never on *SQLite beyond Open, so a PostgreSQL store can replace it.
//
// The schema lives in migrations/*.sql, embedded in the binary and applied in
// order on Open. What stories mean, how they are clustered, ranked and
// filtered, and when a briefing is due are left to the briefing and discord
// packages: this package stores and finds, it does not decide.
package store
