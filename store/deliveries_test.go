package store

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-bot/sitrep"
)

func addSchedule(t *testing.T, s *SQLite) sitrep.Schedule {
	t.Helper()
	sc, err := s.AddSchedule(ctx, sitrep.Schedule{GuildID: "g1", ChannelID: "briefings", Cron: "0 7 * * *", TimeZone: "Asia/Damascus"})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func TestDeliveryLifecycle(t *testing.T) {
	s := openTemp(t)
	started := date(2024, 3, 5, 4, 0)
	s.now = func() time.Time { return started }
	sc := addSchedule(t, s)
	slot := date(2024, 3, 5, 4, 0)

	d, created, err := s.BeginDelivery(ctx, sc.ID, slot)
	if err != nil || !created {
		t.Fatalf("BeginDelivery = %v, %v", created, err)
	}
	want := sitrep.Delivery{ID: d.ID, ScheduleID: sc.ID, Slot: slot, State: sitrep.DeliveryPending,
		Started: started}
	if !reflect.DeepEqual(d, want) {
		t.Fatalf("begun delivery = %+v; want %+v", d, want)
	}
	again, created, err := s.BeginDelivery(ctx, sc.ID, slot.In(time.FixedZone("EET", 2*3600)))
	if err != nil || created || again.ID != d.ID {
		t.Fatalf("second BeginDelivery of the slot = %+v, %v, %v; want the first, not created", again, created, err)
	}

	// A crash after part 0 and 1: the restart sees both and resumes.
	for i, msg := range []string{"1214000000000000001", "1214000000000000002"} {
		if err := s.RecordDeliveryPart(ctx, d.ID, i, msg); err != nil {
			t.Fatal(err)
		}
	}
	pending, err := s.PendingDeliveries(ctx)
	if err != nil || len(pending) != 1 {
		t.Fatalf("PendingDeliveries = %+v, %v", pending, err)
	}
	if got := pending[0].Messages; !reflect.DeepEqual(got, []string{"1214000000000000001", "1214000000000000002"}) {
		t.Errorf("recorded parts = %q", got)
	}
	if err := s.RecordDeliveryPart(ctx, d.ID, 3, "m3"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.LastDelivery(ctx, sc.ID); len(got.Messages) != 4 || got.Messages[2] != "" || got.Messages[3] != "m3" {
		t.Errorf("part 3 after 1: %q", got.Messages)
	}

	finished := date(2024, 3, 5, 4, 1)
	d.State = sitrep.DeliverySent
	d.Stories = map[int64]string{12: "facts-a", 40: "facts-b"}
	d.Note = "3 incidents, 1 development"
	d.Finished = finished
	if err := s.FinishDelivery(ctx, d); err != nil {
		t.Fatal(err)
	}
	last, err := s.LastDelivery(ctx, sc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if last.State != sitrep.DeliverySent || !reflect.DeepEqual(last.Stories, d.Stories) || last.Note != d.Note ||
		!last.Finished.Equal(finished) || len(last.Messages) != 4 {
		t.Errorf("finished delivery = %+v", last)
	}
	if pending, _ := s.PendingDeliveries(ctx); len(pending) != 0 {
		t.Errorf("finished delivery still pending: %+v", pending)
	}
	// The slot stays taken after it finished.
	if _, created, _ := s.BeginDelivery(ctx, sc.ID, slot); created {
		t.Error("finished slot begun again")
	}
}

func TestDeliveryErrors(t *testing.T) {
	s := openTemp(t)
	sc := addSchedule(t, s)
	if _, _, err := s.BeginDelivery(ctx, 999, date(2024, 3, 5, 4, 0)); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("BeginDelivery for a missing schedule = %v; want ErrNotFound", err)
	}
	if _, _, err := s.BeginDelivery(ctx, sc.ID, time.Time{}); err == nil {
		t.Error("BeginDelivery without a slot succeeded")
	}
	if err := s.RecordDeliveryPart(ctx, 999, 0, "m"); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("RecordDeliveryPart(missing) = %v; want ErrNotFound", err)
	}
	d, _, _ := s.BeginDelivery(ctx, sc.ID, date(2024, 3, 5, 4, 0))
	if err := s.RecordDeliveryPart(ctx, d.ID, -1, "m"); err == nil {
		t.Error("negative part accepted")
	}
	d.State = sitrep.DeliveryPending
	if err := s.FinishDelivery(ctx, d); err == nil {
		t.Error("FinishDelivery with state pending accepted")
	}
	if err := s.FinishDelivery(ctx, sitrep.Delivery{ID: 999, State: sitrep.DeliveryFailed}); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("FinishDelivery(missing) = %v; want ErrNotFound", err)
	}
	if _, err := s.LastDelivery(ctx, 999); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("LastDelivery(missing) = %v; want ErrNotFound", err)
	}
}

func TestLastDeliveryIsLatestSlot(t *testing.T) {
	s := openTemp(t)
	sc := addSchedule(t, s)
	for _, day := range []int{5, 7, 6} {
		if _, _, err := s.BeginDelivery(ctx, sc.ID, date(2024, 3, day, 4, 0)); err != nil {
			t.Fatal(err)
		}
	}
	last, err := s.LastDelivery(ctx, sc.ID)
	if err != nil || !last.Slot.Equal(date(2024, 3, 7, 4, 0)) {
		t.Errorf("LastDelivery slot = %v, %v; want March 7", last.Slot, err)
	}
}

// TestBeginDeliveryExactlyOnce races callers for one slot, within one store
// and across two stores on one file (two processes after a restart overlap).
func TestBeginDeliveryExactlyOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sitrep.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	sc := addSchedule(t, a)

	for round := range 20 {
		slot := date(2024, 3, 1, 4, 0).Add(time.Duration(round) * 24 * time.Hour)
		var wg sync.WaitGroup
		var mu sync.Mutex
		created := 0
		ids := map[int64]bool{}
		for i := range 8 {
			st := a
			if i%2 == 1 {
				st = b
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				d, c, err := st.BeginDelivery(ctx, sc.ID, slot)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				defer mu.Unlock()
				if c {
					created++
				}
				ids[d.ID] = true
			}()
		}
		wg.Wait()
		if created != 1 || len(ids) != 1 {
			t.Fatalf("round %d: %d created, %d distinct deliveries; want exactly one", round, created, len(ids))
		}
	}
}

func TestPlanDeliveryFirstPlanStands(t *testing.T) {
	s := openTemp(t)
	sc := addSchedule(t, s)
	d, _, err := s.BeginDelivery(ctx, sc.ID, date(2024, 3, 5, 4, 0))
	if err != nil {
		t.Fatal(err)
	}
	if d.Parts != nil {
		t.Fatalf("a delivery just begun has parts %q", d.Parts)
	}
	first := d
	first.Parts = []json.RawMessage{json.RawMessage(`{"content":"part one"}`), json.RawMessage(`{"content":"part two"}`)}
	first.Stories = map[int64]string{7: "facts-7"}
	if err := s.PlanDelivery(ctx, &first); err != nil {
		t.Fatal(err)
	}
	// A second attempt, composing something else, gets the first plan.
	second := d
	second.Parts = []json.RawMessage{json.RawMessage(`{"content":"other"}`)}
	second.Stories = map[int64]string{9: "facts-9"}
	if err := s.PlanDelivery(ctx, &second); err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingDeliveries(ctx)
	if err != nil || len(pending) != 1 {
		t.Fatalf("PendingDeliveries = %+v, %v", pending, err)
	}
	for _, got := range []sitrep.Delivery{second, pending[0]} {
		if len(got.Parts) != 2 || string(got.Parts[1]) != `{"content":"part two"}` || !reflect.DeepEqual(got.Stories, first.Stories) {
			t.Errorf("plan read back as parts %q, stories %v; want the first plan", got.Parts, got.Stories)
		}
	}

	// A plan with nothing to post is a plan, not an unplanned delivery.
	e, _, err := s.BeginDelivery(ctx, sc.ID, date(2024, 3, 6, 4, 0))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PlanDelivery(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.LastDelivery(ctx, sc.ID); got.Parts == nil || len(got.Parts) != 0 {
		t.Errorf("empty plan read back as %#v", got.Parts)
	}
	missing := sitrep.Delivery{ID: 9999}
	if err := s.PlanDelivery(ctx, &missing); !errors.Is(err, sitrep.ErrNotFound) {
		t.Errorf("planning a missing delivery: %v", err)
	}
}
