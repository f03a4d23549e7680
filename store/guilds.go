package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/sitrep-bot/sitrep"
)

// GuildSettings returns a guild's settings; a guild that saved none gets
// settings with only GuildID set.
func (s *SQLite) GuildSettings(ctx context.Context, guildID string) (sitrep.GuildSettings, error) {
	g := sitrep.GuildSettings{GuildID: guildID}
	err := s.r.QueryRowContext(ctx, `SELECT admin_channel_id, update_mode FROM guild_settings WHERE guild_id = ?`,
		guildID).Scan(&g.AdminChannelID, &g.UpdateMode)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return g, fmt.Errorf("store: guild settings %s: %w", guildID, err)
	}
	return g, nil
}

// SaveGuildSettings stores a guild's settings, replacing any saved before.
func (s *SQLite) SaveGuildSettings(ctx context.Context, g sitrep.GuildSettings) error {
	if g.GuildID == "" {
		return errors.New("store: save guild settings: no guild ID")
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO guild_settings (guild_id, admin_channel_id, update_mode) VALUES (?, ?, ?)
		ON CONFLICT (guild_id) DO UPDATE SET admin_channel_id = excluded.admin_channel_id, update_mode = excluded.update_mode`,
		g.GuildID, g.AdminChannelID, g.UpdateMode)
	if err != nil {
		return fmt.Errorf("store: save guild settings %s: %w", g.GuildID, err)
	}
	return nil
}

const scheduleColumns = `id, guild_id, channel_id, cron, time_zone, publish, paused, disabled, disabled_reason,
	last_briefing, created`

func scanSchedule(row rowScanner) (sitrep.Schedule, error) {
	var sc sitrep.Schedule
	err := row.Scan(&sc.ID, &sc.GuildID, &sc.ChannelID, &sc.Cron, &sc.TimeZone, &sc.Publish, &sc.Paused,
		&sc.Disabled, &sc.DisabledReason, timeCol{&sc.LastBriefing}, timeCol{&sc.Created})
	return sc, err
}

// AddSchedule stores a new schedule and returns it with its ID; Created
// defaults to now.
func (s *SQLite) AddSchedule(ctx context.Context, sc sitrep.Schedule) (sitrep.Schedule, error) {
	if sc.GuildID == "" || sc.ChannelID == "" || sc.Cron == "" {
		return sitrep.Schedule{}, errors.New("store: add schedule: guild, channel and cron spec are required")
	}
	if sc.Created.IsZero() {
		sc.Created = s.now()
	}
	res, err := s.w.ExecContext(ctx, `INSERT INTO schedules (guild_id, channel_id, cron, time_zone, publish, paused,
		disabled, disabled_reason, last_briefing, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		sc.GuildID, sc.ChannelID, sc.Cron, sc.TimeZone, boolInt(sc.Publish), boolInt(sc.Paused),
		boolInt(sc.Disabled), sc.DisabledReason, dbTime(sc.LastBriefing), dbTime(sc.Created))
	if err == nil {
		sc.ID, err = res.LastInsertId()
	}
	if err != nil {
		return sitrep.Schedule{}, fmt.Errorf("store: add schedule: %w", err)
	}
	sc.Created = utc(sc.Created)
	sc.LastBriefing = utc(sc.LastBriefing)
	return sc, nil
}

// UpdateSchedule saves every field of the schedule with sc.ID.
func (s *SQLite) UpdateSchedule(ctx context.Context, sc sitrep.Schedule) error {
	res, err := s.w.ExecContext(ctx, `UPDATE schedules SET guild_id = ?, channel_id = ?, cron = ?, time_zone = ?,
		publish = ?, paused = ?, disabled = ?, disabled_reason = ?, last_briefing = ?, created = coalesce(?, created)
		WHERE id = ?`,
		sc.GuildID, sc.ChannelID, sc.Cron, sc.TimeZone, boolInt(sc.Publish), boolInt(sc.Paused),
		boolInt(sc.Disabled), sc.DisabledReason, dbTime(sc.LastBriefing), dbTime(sc.Created), sc.ID)
	return affected(res, err, "update schedule %d", sc.ID)
}

// RemoveSchedule deletes a guild's schedule and its delivery records. A
// schedule of another guild is not found.
func (s *SQLite) RemoveSchedule(ctx context.Context, guildID string, id int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM schedules WHERE id = ? AND guild_id = ?`, id, guildID)
	return affected(res, err, "remove schedule %d of guild %s", id, guildID)
}

// Schedule returns the schedule with the given ID, or sitrep.ErrNotFound.
func (s *SQLite) Schedule(ctx context.Context, id int64) (sitrep.Schedule, error) {
	sc, err := scanSchedule(s.r.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM schedules WHERE id = ?`, id))
	return sc, notFound(err, "schedule %d", id)
}

// Schedules lists a guild's schedules by ID; guildID "" lists every guild's.
func (s *SQLite) Schedules(ctx context.Context, guildID string) ([]sitrep.Schedule, error) {
	return queryAll(ctx, s.r, "schedules", scanSchedule, `SELECT `+scheduleColumns+` FROM schedules
		WHERE ?1 = '' OR guild_id = ?1 ORDER BY id`, guildID)
}

// Filter returns a channel's filter; a channel that saved none gets a filter
// that lets everything through, with GuildID and ChannelID set.
func (s *SQLite) Filter(ctx context.Context, guildID, channelID string) (sitrep.Filter, error) {
	f := sitrep.Filter{GuildID: guildID, ChannelID: channelID}
	err := s.r.QueryRowContext(ctx, `SELECT regions, kinds, actors, keywords FROM filters
		WHERE guild_id = ? AND channel_id = ?`, guildID, channelID).
		Scan(jsonCol{&f.Regions}, jsonCol{&f.Kinds}, jsonCol{&f.Actors}, jsonCol{&f.Keywords})
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return f, fmt.Errorf("store: filter %s/%s: %w", guildID, channelID, err)
	}
	return f, nil
}

// SaveFilter stores a channel's filter; a filter that lets everything
// through removes the saved one.
func (s *SQLite) SaveFilter(ctx context.Context, f sitrep.Filter) error {
	if f.GuildID == "" || f.ChannelID == "" {
		return errors.New("store: save filter: guild and channel are required")
	}
	var err error
	if f.IsZero() {
		_, err = s.w.ExecContext(ctx, `DELETE FROM filters WHERE guild_id = ? AND channel_id = ?`, f.GuildID, f.ChannelID)
	} else {
		var lists [4]string
		for i, l := range [][]string{f.Regions, f.Kinds, f.Actors, f.Keywords} {
			if lists[i], err = toJSON(l); err != nil {
				return err
			}
		}
		_, err = s.w.ExecContext(ctx, `INSERT INTO filters (guild_id, channel_id, regions, kinds, actors, keywords)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, channel_id) DO UPDATE SET regions = excluded.regions,
			kinds = excluded.kinds, actors = excluded.actors, keywords = excluded.keywords`,
			f.GuildID, f.ChannelID, lists[0], lists[1], lists[2], lists[3])
	}
	if err != nil {
		return fmt.Errorf("store: save filter %s/%s: %w", f.GuildID, f.ChannelID, err)
	}
	return nil
}
