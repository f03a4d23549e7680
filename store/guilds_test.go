package store

import (
	"errors"
	"reflect"
	"testing"

	"github.com/sitrep-bot/sitrep"
)

func TestGuildSettings(t *testing.T) {
	s := openTemp(t)
	got, err := s.GuildSettings(ctx, "g1")
	if err != nil || got != (sitrep.GuildSettings{GuildID: "g1"}) {
		t.Fatalf("unset GuildSettings = %+v, %v", got, err)
	}
	want := sitrep.GuildSettings{GuildID: "g1", AdminChannelID: "ops", UpdateMode: "reply"}
	if err := s.SaveGuildSettings(ctx, want); err != nil {
		t.Fatal(err)
	}
	want.UpdateMode = "edit"
	if err := s.SaveGuildSettings(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.GuildSettings(ctx, "g1"); got != want {
		t.Errorf("GuildSettings = %+v; want %+v", got, want)
	}
	if err := s.SaveGuildSettings(ctx, sitrep.GuildSettings{}); err == nil {
		t.Error("SaveGuildSettings without guild succeeded")
	}
}

func TestSchedules(t *testing.T) {
	s := openTemp(t)
	var want sitrep.Schedule
	n := 0
	fillAll(reflect.ValueOf(&want).Elem(), &n)
	want.ID = 0
	want.GuildID = "g1"
	added, err := s.AddSchedule(ctx, want)
	if err != nil {
		t.Fatal(err)
	}
	if added.ID == 0 {
		t.Fatal("AddSchedule assigned no ID")
	}
	want.ID = added.ID
	if got, err := s.Schedule(ctx, added.ID); err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("Schedule = %+v, %v; want %+v", got, err, want)
	}
	other, err := s.AddSchedule(ctx, sitrep.Schedule{GuildID: "g2", ChannelID: "c", Cron: "0 7 * * *"})
	if err != nil {
		t.Fatal(err)
	}
	if other.Created.IsZero() {
		t.Error("Created not defaulted")
	}
	if _, err := s.AddSchedule(ctx, sitrep.Schedule{GuildID: "g2", ChannelID: "c"}); err == nil {
		t.Error("AddSchedule without cron succeeded")
	}

	want.Paused = false
	want.Cron = "30 6 * * 1-5"
	want.LastBriefing = date(2024, 3, 5, 6, 30)
	if err := s.UpdateSchedule(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Schedule(ctx, want.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("after UpdateSchedule = %+v; want %+v", got, want)
	}
	if err := s.UpdateSchedule(ctx, sitrep.Schedule{ID: 999}); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("UpdateSchedule(missing) = %v; want ErrNotFound", err)
	}

	if g1, _ := s.Schedules(ctx, "g1"); len(g1) != 1 || g1[0].ID != want.ID {
		t.Errorf("Schedules(g1) = %+v", g1)
	}
	if all, _ := s.Schedules(ctx, ""); len(all) != 2 {
		t.Errorf("Schedules(\"\") has %d; want 2", len(all))
	}

	// A guild cannot remove another guild's schedule.
	if err := s.RemoveSchedule(ctx, "g2", want.ID); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("RemoveSchedule by another guild = %v; want ErrNotFound", err)
	}
	if _, _, err := s.BeginDelivery(ctx, want.ID, date(2024, 3, 6, 6, 30)); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveSchedule(ctx, "g1", want.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Schedule(ctx, want.ID); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("Schedule after remove = %v; want ErrNotFound", err)
	}
	if _, err := s.LastDelivery(ctx, want.ID); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("deliveries survived their schedule: %v", err)
	}
}

func TestFilters(t *testing.T) {
	s := openTemp(t)
	got, err := s.Filter(ctx, "g1", "c1")
	if err != nil || !got.IsZero() || got.GuildID != "g1" || got.ChannelID != "c1" {
		t.Fatalf("unset Filter = %+v, %v", got, err)
	}
	want := sitrep.Filter{
		GuildID: "g1", ChannelID: "c1",
		Regions:  []string{"Syria", "Idlib Governorate"},
		Kinds:    []string{string(sitrep.KindAirstrike), string(sitrep.KindShelling)},
		Actors:   []string{"Russian air force"},
		Keywords: []string{"hospital"},
	}
	if err := s.SaveFilter(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Filter(ctx, "g1", "c1"); !reflect.DeepEqual(got, want) {
		t.Errorf("Filter = %+v; want %+v", got, want)
	}
	if got, _ := s.Filter(ctx, "g1", "c2"); !got.IsZero() {
		t.Errorf("another channel's filter leaked: %+v", got)
	}
	want.Regions, want.Kinds = nil, nil
	if err := s.SaveFilter(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Filter(ctx, "g1", "c1"); !reflect.DeepEqual(got, want) {
		t.Errorf("Filter after narrowing = %+v; want %+v", got, want)
	}
	if err := s.SaveFilter(ctx, sitrep.Filter{GuildID: "g1", ChannelID: "c1"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Filter(ctx, "g1", "c1"); !got.IsZero() {
		t.Errorf("Filter after clearing = %+v", got)
	}
	if err := s.SaveFilter(ctx, sitrep.Filter{Keywords: []string{"x"}}); err == nil {
		t.Error("SaveFilter without guild and channel succeeded")
	}
}
