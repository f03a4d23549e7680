package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep-bot/sitrep"
)

const deliveryColumns = `id, schedule_id, slot, state, parts, messages, stories, note, started, finished`

func scanDelivery(row rowScanner) (sitrep.Delivery, error) {
	var d sitrep.Delivery
	var parts sql.NullString
	err := row.Scan(&d.ID, &d.ScheduleID, timeCol{&d.Slot}, &d.State, &parts, jsonCol{&d.Messages}, jsonCol{&d.Stories},
		&d.Note, timeCol{&d.Started}, timeCol{&d.Finished})
	if err == nil && parts.Valid {
		// Planned, even with nothing to post: an empty list, not nil.
		d.Parts = []json.RawMessage{}
		if err = json.Unmarshal([]byte(parts.String), &d.Parts); err != nil {
			err = fmt.Errorf("store: bad JSON in database: %w", err)
		}
	}
	return d, err
}

// BeginDelivery records (schedule, slot) as pending, or returns the delivery
// the slot already has with created false. The UNIQUE (schedule_id, slot)
// constraint decides, so two callers racing for one slot, in one process or
// two, get one delivery between them.
func (s *SQLite) BeginDelivery(ctx context.Context, scheduleID int64, slot time.Time) (d sitrep.Delivery, created bool, err error) {
	if slot.IsZero() {
		return d, false, errors.New("store: begin delivery: no slot time")
	}
	err = s.durableTx(ctx, func(tx *txn) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO deliveries (schedule_id, slot, state, started)
			SELECT id, ?, ?, ? FROM schedules WHERE id = ?
			ON CONFLICT (schedule_id, slot) DO NOTHING`,
			fmtTime(slot), sitrep.DeliveryPending, fmtTime(s.now()), scheduleID)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		created = n == 1
		d, err = scanDelivery(tx.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM deliveries
			WHERE schedule_id = ? AND slot = ?`, scheduleID, fmtTime(slot)))
		return err
	})
	if err != nil {
		return sitrep.Delivery{}, false, notFound(err, "begin delivery of schedule %d at %s", scheduleID, fmtTime(slot))
	}
	return d, created, nil
}

// PlanDelivery fixes the parts a pending delivery posts and the stories
// they brief, unless it is planned already, and reads the delivery back
// into d: the first plan stands, so every attempt posts the same parts.
func (s *SQLite) PlanDelivery(ctx context.Context, d *sitrep.Delivery) error {
	parts, err := toJSON(d.Parts)
	if err != nil {
		return err
	}
	stories, err := toJSON(d.Stories)
	if err != nil {
		return err
	}
	if len(d.Stories) == 0 {
		stories = "{}"
	}
	err = s.durableTx(ctx, func(tx *txn) error {
		if _, err := tx.ExecContext(ctx, `UPDATE deliveries SET parts = ?, stories = ?
			WHERE id = ? AND parts IS NULL AND state = 'pending'`, parts, stories, d.ID); err != nil {
			return err
		}
		planned, err := scanDelivery(tx.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE id = ?`, d.ID))
		if err == nil {
			*d = planned
		}
		return err
	})
	return notFound(err, "plan delivery %d", d.ID)
}

// RecordDeliveryPart saves the message ID of part i (from 0) of a delivery.
func (s *SQLite) RecordDeliveryPart(ctx context.Context, deliveryID int64, part int, messageID string) error {
	if part < 0 || part > 1000 {
		return fmt.Errorf("store: record delivery part: part %d out of range", part)
	}
	err := s.durableTx(ctx, func(tx *txn) error {
		var msgs []string
		if err := tx.QueryRowContext(ctx, `SELECT messages FROM deliveries WHERE id = ?`, deliveryID).
			Scan(jsonCol{&msgs}); err != nil {
			return err
		}
		for len(msgs) <= part {
			msgs = append(msgs, "")
		}
		msgs[part] = messageID
		j, err := toJSON(msgs)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE deliveries SET messages = ? WHERE id = ?`, j, deliveryID)
		return err
	})
	return notFound(err, "record part %d of delivery %d", part, deliveryID)
}

// FinishDelivery confirms a delivery with its final state (sent, skipped or
// failed), the stories it briefed and a note. The message IDs recorded part
// by part are kept. A zero Finished is set to now.
func (s *SQLite) FinishDelivery(ctx context.Context, d sitrep.Delivery) error {
	switch d.State {
	case sitrep.DeliverySent, sitrep.DeliverySkipped, sitrep.DeliveryFailed:
	default:
		return fmt.Errorf("store: finish delivery %d: state %q is not a final state", d.ID, d.State)
	}
	if d.Finished.IsZero() {
		d.Finished = s.now()
	}
	stories := "{}"
	if len(d.Stories) > 0 {
		var err error
		if stories, err = toJSON(d.Stories); err != nil {
			return err
		}
	}
	var res sql.Result
	err := s.durableTx(ctx, func(tx *txn) (err error) {
		res, err = tx.ExecContext(ctx, `UPDATE deliveries SET state = ?, stories = ?, note = ?, finished = ? WHERE id = ?`,
			d.State, stories, d.Note, fmtTime(d.Finished), d.ID)
		return err
	})
	return affected(res, err, "finish delivery %d", d.ID)
}

// PendingDeliveries lists deliveries begun but never finished, oldest first.
func (s *SQLite) PendingDeliveries(ctx context.Context) ([]sitrep.Delivery, error) {
	return queryAll(ctx, s.r, "pending deliveries", scanDelivery, `SELECT `+deliveryColumns+` FROM deliveries
		WHERE state = 'pending' ORDER BY started, id`)
}

// LastDelivery returns the delivery of a schedule with the latest slot, or
// sitrep.ErrNotFound.
func (s *SQLite) LastDelivery(ctx context.Context, scheduleID int64) (sitrep.Delivery, error) {
	d, err := scanDelivery(s.r.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM deliveries
		WHERE schedule_id = ? ORDER BY slot DESC LIMIT 1`, scheduleID))
	return d, notFound(err, "last delivery of schedule %d", scheduleID)
}
