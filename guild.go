package sitrep

import (
	"encoding/json"
	"time"
)

// GuildSettings are one Discord server's choices that are not per channel.
type GuildSettings struct {
	GuildID        string
	AdminChannelID string // feed health changes are reported here when set
	// UpdateMode says what happens when a story in an already-posted briefing
	// changes: "edit" the message, "reply" in its thread, or "none".
	UpdateMode string
}

// A Schedule posts a briefing to one channel at the times its cron spec names.
type Schedule struct {
	ID             int64
	GuildID        string
	ChannelID      string
	Cron           string // five-field spec, without CRON_TZ
	TimeZone       string // IANA name, e.g. "Europe/London"
	Publish        bool   // crosspost in an announcement channel
	Paused         bool
	Disabled       bool // set by the bot when the channel is gone or forbidden
	DisabledReason string
	LastBriefing   time.Time // the end of the last window briefed; the next window starts here
	Created        time.Time
}

// Delivery states.
const (
	DeliveryPending = "pending" // recorded before sending
	DeliverySent    = "sent"    // confirmed after the last message
	DeliverySkipped = "skipped" // missed while down and past the grace period
	DeliveryFailed  = "failed"
)

// A Delivery is one (schedule, slot): recorded before sending and confirmed
// after, so each slot posts exactly once across crashes.
type Delivery struct {
	ID         int64
	ScheduleID int64
	Slot       time.Time // the cron time the delivery is for
	State      string
	// Parts holds the messages the delivery posts, one per part, as the
	// sender encodes them; nil until planned. They are fixed before the
	// first message goes out, so a restart sends the rest of the same
	// briefing.
	Parts []json.RawMessage
	// Messages holds the Discord message IDs sent so far, by part index; a
	// restart resumes after the last part recorded.
	Messages []string
	// Stories maps each story ID briefed to its FactsHash at the time, so a
	// later change can be sent as an update. It is fixed with Parts.
	Stories  map[int64]string
	Note     string
	Started  time.Time
	Finished time.Time
}
