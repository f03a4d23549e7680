package discord

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep-bot/sitrep"
	dt "github.com/sitrep-bot/sitrep/internal/discordtest"
)

func TestStartRegistersCommandsWithLeastIntents(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.bot()
	cmds := e.fake.Commands(e.guild)
	if len(cmds) != len(commands()) {
		t.Fatalf("registered %d commands, want %d", len(cmds), len(commands()))
	}
	for _, c := range cmds {
		admin := c.DefaultMemberPermissions != nil && *c.DefaultMemberPermissions == discordgo.PermissionManageGuild
		if admin != adminCommands[c.Name] {
			t.Errorf("/%s: admin-only=%v, want %v", c.Name, admin, adminCommands[c.Name])
		}
	}
	if len(e.fake.Requests("PUT", "/applications/")) != 1 {
		t.Fatal("commands were not registered with one bulk overwrite")
	}
}

func TestNonAdminIsRefusedEvenWhenDiscordShowsTheCommand(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.bot()
	ans := e.do(memberPerms, "feeds", dt.Sub("add", dt.Str("url", "https://example.org/feed.xml")))
	if !ans.Ephemeral() || !strings.Contains(ans.Text(), "Manage Server") {
		t.Fatalf("answer %q ephemeral=%v", ans.Text(), ans.Ephemeral())
	}
	subs, _ := e.st.Subscriptions(context.Background(), e.guild)
	if len(subs) != 0 {
		t.Fatal("a member's /feeds add stored a feed")
	}
	// Administrator alone also counts as admin.
	ans = e.do(discordgo.PermissionAdministrator, "schedule", dt.Sub("list"))
	if strings.Contains(ans.Text(), "Manage Server") {
		t.Fatalf("an administrator was refused: %q", ans.Text())
	}
}

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Levant Wire</title><link>https://levant.example/</link>
<item><title>Shelling kills four in Idlib countryside</title><link>https://levant.example/a1</link><pubDate>Thu, 13 Mar 2025 08:00:00 GMT</pubDate></item>
<item><title>Foreign ministers meet in Amman on border crossings</title><link>https://levant.example/a2</link><pubDate>Thu, 13 Mar 2025 09:30:00 GMT</pubDate></item>
</channel></rss>`

// testChecker fetches a feed over HTTP and reads its items; a stand-in for
// the feeds package, enough to drive /feeds add and /feeds check.
func testChecker(client *http.Client) FeedChecker {
	return func(ctx context.Context, u string) (FeedReport, error) {
		req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
		resp, err := client.Do(req)
		if err != nil {
			return FeedReport{}, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 {
			return FeedReport{}, &userError{msg: "the server answered " + resp.Status}
		}
		var buf strings.Builder
		_, _ = ioCopy(&buf, resp.Body)
		return parseTestRSS(u, buf.String())
	}
}

func TestAdminAddsFeedAndScheduleAndBriefingPostsAtTheSlot(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(rss))
	}))
	defer feed.Close()
	var mu sync.Mutex
	var delivered int
	var commands []string
	b := e.bot(func(o *Options, d *Deps) {
		d.Check = testChecker(feed.Client())
		o.OnDelivered = func(sitrep.Delivery) { mu.Lock(); delivered++; mu.Unlock() }
		o.OnCommand = func(name string, _ time.Duration) { mu.Lock(); commands = append(commands, name); mu.Unlock() }
	})

	ans := e.do(adminPerms, "feeds", dt.Sub("add", dt.Str("url", feed.URL+"/rss.xml"), dt.Str("name", "Levant Wire")))
	if !strings.Contains(ans.Text(), "Added **Levant Wire**") || !ans.Ephemeral() {
		t.Fatalf("/feeds add: %q", ans.Text())
	}
	ans = e.do(adminPerms, "feeds", dt.Sub("list"))
	if !strings.Contains(ans.Text(), "Levant Wire") {
		t.Fatalf("/feeds list: %q", ans.Text())
	}
	ans = e.do(adminPerms, "schedule", dt.Sub("set", dt.Chan("channel", e.text), dt.Str("cron", "0 7 * * *"), dt.Str("timezone", "Europe/London")))
	if !strings.Contains(ans.Text(), "Schedule #") {
		t.Fatalf("/schedule set: %q", ans.Text())
	}
	scheds, _ := e.st.Schedules(context.Background(), e.guild)
	if len(scheds) != 1 || scheds[0].Cron != "0 7 * * *" || scheds[0].TimeZone != "Europe/London" {
		t.Fatalf("stored schedules %+v", scheds)
	}

	// What the poller and newsroom would store from the feed.
	e.story(incident(sitrep.KindShelling, "Idlib", "Syria", "Shelling kills four in Idlib countryside", 4), "https://levant.example/a1", "Four people were killed.")
	dev := e.story(sitrep.Story{Category: sitrep.CategoryDevelopment, Kind: sitrep.KindMeeting, Place: sitrep.Place{Name: "Amman", Country: "Jordan"},
		Participants: []sitrep.Person{{Name: "Ayman Safadi", Role: "foreign minister"}}, Headline: "Foreign ministers meet in Amman on border crossings"},
		"https://levant.example/a2", "The ministers met.")

	slot := time.Date(2025, 3, 14, 7, 0, 0, 0, time.UTC)
	e.clock.Set(slot)
	if err := b.RunSlot(context.Background(), scheds[0].ID, slot); err != nil {
		t.Fatal(err)
	}
	msgs := e.fake.Messages(e.text)
	if len(msgs) != 1 {
		t.Fatalf("posted %d messages, want 1", len(msgs))
	}
	text := dt.MessageText(&msgs[0])
	if !strings.Contains(text, "Shelling kills four") || !strings.Contains(text, "Foreign ministers meet") {
		t.Fatalf("briefing lacks its stories:\n%s", text)
	}
	posts := e.fake.Requests("POST", "/channels/"+e.text+"/messages")
	var payload struct {
		AllowedMentions *struct{ Parse []string } `json:"allowed_mentions"`
		Nonce           string                    `json:"nonce"`
		EnforceNonce    bool                      `json:"enforce_nonce"`
	}
	if err := posts[0].Decode(&payload); err != nil {
		t.Fatal(err)
	}
	if payload.AllowedMentions == nil || len(payload.AllowedMentions.Parse) != 0 || payload.Nonce == "" || !payload.EnforceNonce {
		t.Fatalf("payload lacks empty allowed_mentions or nonce: %+v", payload)
	}
	// The same slot again posts nothing.
	if err := b.RunSlot(context.Background(), scheds[0].ID, slot); err != nil {
		t.Fatal(err)
	}
	if n := len(e.fake.Messages(e.text)); n != 1 {
		t.Fatalf("the slot posted twice: %d messages", n)
	}
	d, err := e.st.LastDelivery(context.Background(), scheds[0].ID)
	if err != nil || d.State != sitrep.DeliverySent || d.Stories[dev.ID] == "" {
		t.Fatalf("delivery %+v, %v", d, err)
	}
	// The hook runs once the answer is sent, so a command's may fire after
	// the next command's, or after the test reads them: wait for all three
	// and compare them in any order.
	e.fake.WaitFor(5*time.Second, func() bool { mu.Lock(); defer mu.Unlock(); return len(commands) >= 3 })
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(commands)
	if delivered != 1 || strings.Join(commands, " ") != "feeds feeds schedule" {
		t.Errorf("metrics hooks saw %d deliveries and commands %q, want 1 and feeds feeds schedule", delivered, commands)
	}
}

func TestKillAndRestartMidDeliveryPostsEachPartOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.perStory = 1
	var stories []sitrep.Story
	for i, place := range []string{"Raqqa", "Deir ez-Zor", "Hama", "Homs", "Daraa"} {
		stories = append(stories, e.story(incident(sitrep.KindAirstrike, place, "Syria", "Air strike hits "+place, 10+i), "https://levant.example/s"+place, ""))
	}
	s := e.schedule(e.text, "0 7 * * *")
	slot := time.Date(2025, 3, 14, 7, 0, 0, 0, time.UTC)
	e.clock.Set(slot.Add(time.Minute))

	// The third part reaches Discord, but its answer never does: the
	// process dies with the message posted and not recorded.
	hold := e.fake.HoldMessages(2)
	first := e.bot()
	done := make(chan error, 1)
	go func() { done <- first.RunSlot(context.Background(), s.ID, slot) }()
	select {
	case <-hold.Reached():
	case <-time.After(10 * time.Second):
		t.Fatal("delivery never reached the third part")
	}
	first.Close()
	<-done
	e.fake.Release()
	d, _ := e.st.LastDelivery(context.Background(), s.ID)
	if d.State != sitrep.DeliveryPending || len(d.Messages) != 2 {
		t.Fatalf("after the crash: state %s, %d parts recorded", d.State, len(d.Messages))
	}

	// Meanwhile a story already posted is updated, past the slot: a
	// briefing composed anew would leave it out and shift every later
	// story into another part's place.
	homs := stories[3]
	homs.Updated = slot.Add(30 * time.Minute)
	if err := e.st.SaveStory(context.Background(), &homs); err != nil {
		t.Fatal(err)
	}

	// A new process on the same database resumes the delivery.
	e.bot()
	ok := e.fake.WaitFor(10*time.Second, func() bool {
		d, _ := e.st.LastDelivery(context.Background(), s.ID)
		return d.State == sitrep.DeliverySent
	})
	if !ok {
		t.Fatal("the delivery was not resumed")
	}
	msgs := e.fake.Messages(e.text)
	if len(msgs) != 5 {
		t.Fatalf("%d messages posted, want 5 (each part once)", len(msgs))
	}
	seen := map[string]bool{}
	for _, m := range msgs {
		title := m.Embeds[0].Title
		if seen[title] {
			t.Fatalf("part %q posted twice", title)
		}
		seen[title] = true
	}
	for _, st := range stories {
		if title := fmt.Sprintf("#%d %s", st.ID, st.Headline); !seen[title] {
			t.Errorf("%q never posted; posted %v", title, seen)
		}
	}
}

func TestMissedSlotCaughtUpOnceWithinGraceElseSkipped(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		late  time.Duration
		state string
		posts int
	}{
		{"within grace", 30 * time.Minute, sitrep.DeliverySent, 1},
		{"past grace", 3 * time.Hour, sitrep.DeliverySkipped, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			e.story(incident(sitrep.KindBombing, "Azaz", "Syria", "Car bomb in Azaz market", 7), "https://levant.example/azaz", "")
			s := e.schedule(e.text, "0 7 * * *")
			e.clock.Set(time.Date(2025, 3, 14, 7, 0, 0, 0, time.UTC).Add(tc.late))
			e.bot()
			ok := e.fake.WaitFor(10*time.Second, func() bool {
				d, err := e.st.LastDelivery(context.Background(), s.ID)
				return err == nil && d.State != sitrep.DeliveryPending
			})
			if !ok {
				t.Fatal("no delivery recorded for the missed slot")
			}
			d, _ := e.st.LastDelivery(context.Background(), s.ID)
			if d.State != tc.state || len(e.fake.Messages(e.text)) != tc.posts {
				t.Fatalf("state %s with %d posts, want %s with %d", d.State, len(e.fake.Messages(e.text)), tc.state, tc.posts)
			}
		})
	}
}

func TestLostChannelDisablesOnlyItsSchedule(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.story(incident(sitrep.KindClash, "Tal Rifaat", "Syria", "Clashes near Tal Rifaat", 3), "https://levant.example/tr", "")
	gone := e.schedule(e.text, "0 7 * * *")
	fine := e.schedule(e.admin, "0 7 * * *")
	b := e.bot()
	e.fake.SetChannelStatus(e.text, http.StatusForbidden)
	slot := time.Date(2025, 3, 14, 7, 0, 0, 0, time.UTC)
	e.clock.Set(slot)
	if err := b.RunSlot(context.Background(), gone.ID, slot); err != nil {
		t.Fatal(err)
	}
	if err := b.RunSlot(context.Background(), fine.ID, slot); err != nil {
		t.Fatal(err)
	}
	s, _ := e.st.Schedule(context.Background(), gone.ID)
	if !s.Disabled || !strings.Contains(s.DisabledReason, "Missing Access") {
		t.Fatalf("schedule not disabled: %+v", s)
	}
	if len(e.fake.Messages(e.admin)) != 1 {
		t.Fatal("the other schedule did not post")
	}
	ans := e.do(adminPerms, "status")
	if !strings.Contains(ans.Text(), "disabled") || !strings.Contains(ans.Text(), "Missing Access") {
		t.Fatalf("/status does not explain the disabled schedule: %q", ans.Text())
	}
}

func TestRateLimitsAndServerErrorsAreRetried(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.story(incident(sitrep.KindShelling, "Jisr al-Shughur", "Syria", "Shelling on Jisr al-Shughur", 2), "https://levant.example/js", "")
	s := e.schedule(e.text, "0 7 * * *")
	b := e.bot()
	e.fake.AddFault(dt.Fault{Method: "POST", Path: "/channels/" + e.text + "/messages", Status: 429, RetryAfter: 30 * time.Millisecond, Global: true, Times: 1})
	e.fake.AddFault(dt.Fault{Method: "POST", Path: "/channels/" + e.text + "/messages", Status: 503, Times: 2})
	slot := time.Date(2025, 3, 14, 7, 0, 0, 0, time.UTC)
	e.clock.Set(slot)
	if err := b.RunSlot(context.Background(), s.ID, slot); err != nil {
		t.Fatal(err)
	}
	if n := len(e.fake.Messages(e.text)); n != 1 {
		t.Fatalf("%d messages after retries, want 1", n)
	}
	if n := len(e.fake.Requests("POST", "/channels/"+e.text+"/messages")); n != 4 {
		t.Fatalf("%d attempts, want 4 (429, 503, 503, ok)", n)
	}
}

func TestForumPostAndAnnouncementCrosspost(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.perStory = 1
	e.story(incident(sitrep.KindAirstrike, "Maarat al-Numan", "Syria", "Air strike on Maarat al-Numan", 9), "https://levant.example/m", "")
	e.story(incident(sitrep.KindShelling, "Ariha", "Syria", "Shelling on Ariha", 2), "https://levant.example/ar", "")
	forum := e.schedule(e.forum, "0 7 * * *")
	news := e.schedule(e.news, "0 7 * * *")
	news.Publish = true
	if err := e.st.UpdateSchedule(context.Background(), news); err != nil {
		t.Fatal(err)
	}
	b := e.bot()
	slot := time.Date(2025, 3, 14, 7, 0, 0, 0, time.UTC)
	e.clock.Set(slot)
	for _, id := range []int64{forum.ID, news.ID} {
		if err := b.RunSlot(context.Background(), id, slot); err != nil {
			t.Fatal(err)
		}
	}
	threads := e.fake.Threads(e.forum)
	if len(threads) != 1 || !strings.HasPrefix(threads[0].Name, "Briefing") {
		t.Fatalf("forum threads %+v", threads)
	}
	if n := len(e.fake.Messages(threads[0].ID)); n != 2 {
		t.Fatalf("the forum post holds %d messages, want 2", n)
	}
	msgs := e.fake.Messages(e.news)
	if len(msgs) != 2 {
		t.Fatalf("%d announcement messages", len(msgs))
	}
	for _, m := range msgs {
		if !e.fake.Crossposted(m.ID) {
			t.Fatalf("message %s not crossposted", m.ID)
		}
	}
}

func TestStorySearchAndIncidentsAnswerWithStoredContent(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := e.story(incident(sitrep.KindAirstrike, "Raqqa", "Syria", "Coalition air strike kills 12 in Raqqa", 12),
		"https://levant.example/raqqa", "A coalition air strike on Raqqa killed twelve people, a monitor said.")
	for i := 0; i < 11; i++ {
		e.story(incident(sitrep.KindShelling, "Idlib", "Syria", "Shelling of Idlib villages "+strings.Repeat("x", i), i+1), "", "")
	}
	e.bot()

	ans := e.do(memberPerms, "story", dt.Int("id", int(s.ID)))
	text := ans.Text()
	for _, want := range []string{"Coalition air strike kills 12", "12 killed, according to Syrian Observatory for Human Rights", "https://levant.example/raqqa"} {
		if !strings.Contains(text, want) {
			t.Errorf("/story lacks %q:\n%s", want, text)
		}
	}
	if !ans.Ephemeral() {
		t.Error("/story is not ephemeral")
	}

	ans = e.do(memberPerms, "search", dt.Str("query", "coalition Raqqa"))
	if !strings.Contains(ans.Text(), "Coalition air strike kills 12") {
		t.Fatalf("/search: %q", ans.Text())
	}

	ans = e.do(memberPerms, "incidents", dt.Str("place", "Idlib"), dt.Str("kind", "shelling"))
	if strings.Contains(ans.Text(), "Raqqa") || !strings.Contains(ans.Text(), "Page 1 of 2") {
		t.Fatalf("/incidents page 1: %q", ans.Text())
	}
	row := ans.Message.Components[0].(*discordgo.ActionsRow)
	next := row.Components[1].(*discordgo.Button)
	page2, err := e.fake.Do(dt.Invocation{GuildID: e.guild, ChannelID: e.text, Permissions: memberPerms, CustomID: next.CustomID})
	if err != nil {
		t.Fatal(err)
	}
	if page2.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(page2.Text(), "Page 2 of 2") {
		t.Fatalf("page 2: type %d %q", page2.Type, page2.Text())
	}
}

func TestBadOptionsAreRejectedAndNothingIsStored(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.bot()
	cases := []struct {
		name string
		cmd  string
		opts []*dt.Option
		want string
	}{
		{"feed scheme", "feeds", []*dt.Option{dt.Sub("add", dt.Str("url", "ftp://example.org/feed"))}, "only http and https"},
		{"feed not a URL", "feeds", []*dt.Option{dt.Sub("add", dt.Str("url", "not a url"))}, "not a URL"},
		{"cron bare zone", "schedule", []*dt.Option{dt.Sub("set", dt.Chan("channel", e.text), dt.Str("cron", "CRON_TZ=UTC"), dt.Str("timezone", "UTC"))}, "time zone as its own setting"},
		{"cron too often", "schedule", []*dt.Option{dt.Sub("set", dt.Chan("channel", e.text), dt.Str("cron", "*/2 * * * *"), dt.Str("timezone", "UTC"))}, "at least 10m0s apart"},
		{"cron garbage", "schedule", []*dt.Option{dt.Sub("set", dt.Chan("channel", e.text), dt.Str("cron", "0 25 * * *"), dt.Str("timezone", "UTC"))}, "not a valid cron spec"},
		{"time zone", "schedule", []*dt.Option{dt.Sub("set", dt.Chan("channel", e.text), dt.Str("cron", "0 7 * * *"), dt.Str("timezone", "Mars/Olympus"))}, "not a time zone"},
		{"channel id", "filters", []*dt.Option{dt.Sub("show", dt.Chan("channel", "general"))}, "not a Discord channel ID"},
		{"kind", "filters", []*dt.Option{dt.Sub("set", dt.Chan("channel", e.text), dt.Str("kinds", "picnic"))}, "is not a kind"},
		{"story id", "story", []*dt.Option{dt.Int("id", 99999)}, "no story #99999"},
		{"period", "incidents", []*dt.Option{dt.Str("since", "forever")}, "not a period"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ans := e.do(adminPerms, tc.cmd, tc.opts...)
			if !ans.Ephemeral() || !strings.Contains(ans.Text(), tc.want) {
				t.Fatalf("answer %q (ephemeral %v), want it to say %q", ans.Text(), ans.Ephemeral(), tc.want)
			}
		})
	}
	ctx := context.Background()
	scheds, _ := e.st.Schedules(ctx, e.guild)
	subs, _ := e.st.Subscriptions(ctx, e.guild)
	f, _ := e.st.Filter(ctx, e.guild, e.text)
	if len(scheds) != 0 || len(subs) != 0 || !f.IsZero() {
		t.Fatalf("bad input was stored: %d schedules, %d feeds, filter %+v", len(scheds), len(subs), f)
	}
}

func TestGuildsSeeOnlyTheirOwnSchedules(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	other := e.fake.AddGuild("Elsewhere")
	otherCh := e.fake.AddChannel(other, "news", discordgo.ChannelTypeGuildText, "")
	theirs, err := e.st.AddSchedule(context.Background(), sitrep.Schedule{GuildID: other, ChannelID: otherCh, Cron: "0 7 * * *", TimeZone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	e.bot()
	ans := e.do(adminPerms, "schedule", dt.Sub("remove", dt.Int("id", int(theirs.ID))))
	if !strings.Contains(ans.Text(), "no schedule #") {
		t.Fatalf("removing another guild's schedule: %q", ans.Text())
	}
	if _, err := e.st.Schedule(context.Background(), theirs.ID); err != nil {
		t.Fatal("another guild's schedule was removed")
	}
	ans = e.do(adminPerms, "schedule", dt.Sub("set", dt.Chan("channel", otherCh), dt.Str("cron", "0 7 * * *"), dt.Str("timezone", "UTC")))
	if !strings.Contains(ans.Text(), "not in this server") {
		t.Fatalf("scheduling into another guild's channel: %q", ans.Text())
	}
}

func TestChangedStoryEditsOrRepliesToThePostedBriefing(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{UpdateEdit, UpdateReply} {
		t.Run(mode, func(t *testing.T) {
			e := newEnv(t)
			s := e.story(incident(sitrep.KindAirstrike, "Saraqib", "Syria", "Air strike on Saraqib", 5), "https://levant.example/sq", "")
			sc := e.schedule(e.text, "0 7 * * *")
			if err := e.st.SaveGuildSettings(context.Background(), sitrep.GuildSettings{GuildID: e.guild, UpdateMode: mode}); err != nil {
				t.Fatal(err)
			}
			b := e.bot()
			slot := time.Date(2025, 3, 14, 7, 0, 0, 0, time.UTC)
			e.clock.Set(slot)
			if err := b.RunSlot(context.Background(), sc.ID, slot); err != nil {
				t.Fatal(err)
			}
			s.Tolls = sitrep.Tolls{sitrep.FigureKilled: {Range: sitrep.Range{Min: 5, Max: 11}}}
			s.FactsHash = "toll-rose"
			if err := e.st.SaveStory(context.Background(), &s); err != nil {
				t.Fatal(err)
			}
			if err := b.RefreshPosted(context.Background()); err != nil {
				t.Fatal(err)
			}
			msgs := e.fake.Messages(e.text)
			switch mode {
			case UpdateEdit:
				if len(msgs) != 1 || !strings.Contains(dt.MessageText(&msgs[0]), "5–11 killed") || msgs[0].EditedTimestamp == nil {
					t.Fatalf("the briefing was not edited: %d messages", len(msgs))
				}
			case UpdateReply:
				if len(msgs) != 2 || msgs[1].MessageReference == nil || msgs[1].MessageReference.MessageID != msgs[0].ID ||
					!strings.Contains(dt.MessageText(&msgs[1]), "Update") {
					t.Fatalf("no reply with the update: %d messages", len(msgs))
				}
			}
			// Once updated, nothing more happens.
			if err := b.RefreshPosted(context.Background()); err != nil {
				t.Fatal(err)
			}
			if n := len(e.fake.Messages(e.text)); n != len(msgs) {
				t.Fatalf("a second refresh posted again: %d messages", n)
			}
		})
	}
}

func TestWhyExplainsAFilteredStory(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.story(incident(sitrep.KindShelling, "Idlib", "Syria", "Shelling of Idlib", 3), "https://levant.example/why", "")
	sc := e.schedule(e.text, "0 7 * * *")
	if err := e.st.SaveFilter(context.Background(), sitrep.Filter{GuildID: e.guild, ChannelID: e.text, Regions: []string{"Iraq"}}); err != nil {
		t.Fatal(err)
	}
	b := e.bot()
	slot := time.Date(2025, 3, 14, 7, 0, 0, 0, time.UTC)
	e.clock.Set(slot)
	if err := b.RunSlot(context.Background(), sc.ID, slot); err != nil {
		t.Fatal(err)
	}
	ans := e.do(adminPerms, "why", dt.Str("url", "https://levant.example/why"))
	if !strings.Contains(ans.Text(), "filtered out") || !strings.Contains(ans.Text(), "Iraq") {
		t.Fatalf("/why: %q", ans.Text())
	}
	ans = e.do(adminPerms, "why", dt.Str("url", "https://levant.example/never"))
	if !strings.Contains(ans.Text(), "Not seen") {
		t.Fatalf("/why for an unseen URL: %q", ans.Text())
	}
}

func TestGatewayDropIsResumed(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.bot()
	e.fake.DropGateway()
	if !e.fake.WaitFor(10*time.Second, func() bool { return e.fake.Resumes() > 0 && e.fake.Connected() == 1 }) {
		t.Fatal("the session did not resume")
	}
	ans := e.do(memberPerms, "search", dt.Str("query", "anything at all"))
	if !strings.Contains(ans.Text(), "No stored article") {
		t.Fatalf("after resume: %q", ans.Text())
	}
}

func TestAutocompleteOffersStoredPlacesAndGuildFeeds(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.story(incident(sitrep.KindAirstrike, "Raqqa", "Syria", "Strike on Raqqa", 4), "", "")
	e.story(incident(sitrep.KindAirstrike, "Ras al-Ain", "Syria", "Strike on Ras al-Ain", 2), "", "")
	f, _ := e.st.AddFeed(context.Background(), sitrep.Feed{URL: "https://levant.example/feed.xml", Title: "Levant Wire"})
	_ = e.st.Subscribe(context.Background(), sitrep.Subscription{FeedID: f.ID, GuildID: e.guild, ChannelID: e.text})
	e.bot()
	ans, err := e.fake.Do(dt.Invocation{GuildID: e.guild, ChannelID: e.text, Permissions: memberPerms, Command: "incidents",
		Autocomplete: true, Options: []*dt.Option{dt.Focus(dt.Str("place", "Ra"))}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range ans.Choices {
		names = append(names, c.Name)
	}
	if !strings.Contains(strings.Join(names, "|"), "Raqqa") || !strings.Contains(strings.Join(names, "|"), "Ras al-Ain") {
		t.Fatalf("place choices %v", names)
	}
	ans, err = e.fake.Do(dt.Invocation{GuildID: e.guild, ChannelID: e.text, Permissions: adminPerms, Command: "feeds",
		Autocomplete: true, Options: []*dt.Option{dt.Sub("remove", dt.Focus(dt.Str("feed", "levant")))}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Choices) != 1 || ans.Choices[0].Value != strconv.FormatInt(f.ID, 10) {
		t.Fatalf("feed choices %+v", ans.Choices)
	}
}

func TestFeedHealthIsReportedToTheAdminChannel(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	f, _ := e.st.AddFeed(ctx, sitrep.Feed{URL: "https://levant.example/feed.xml", Title: "Levant Wire"})
	_ = e.st.Subscribe(ctx, sitrep.Subscription{FeedID: f.ID, GuildID: e.guild, ChannelID: e.text})
	_ = e.st.SaveGuildSettings(ctx, sitrep.GuildSettings{GuildID: e.guild, AdminChannelID: e.admin})
	b := e.bot()
	e.fake.WaitFor(5*time.Second, func() bool { return len(b.knownGuilds()) > 0 })
	f.ErrorCount, f.LastError = 3, "the server answered 503 Service Unavailable"
	b.ReportFeedHealth(ctx, f)
	msgs := e.fake.Messages(e.admin)
	if len(msgs) != 1 || !strings.Contains(msgs[0].Content, "Levant Wire") || !strings.Contains(msgs[0].Content, "503") {
		t.Fatalf("admin channel got %+v", msgs)
	}
}

// TestListingsPageInTheStore checks /incidents and /diplomacy count, filter
// and page as the store does, and that a listing is the same from any guild.
func TestListingsPageInTheStore(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for i := 0; i < 19; i++ {
		s := incident(sitrep.KindShelling, "Idlib", "Syria", fmt.Sprintf("Shelling of Idlib villages, report %d", i), i+1)
		if i%2 == 1 {
			s.Perpetrators = []string{"Hayat Tahrir al-Sham"}
		}
		s.Updated = e.clock.Now().Add(-time.Duration(i+1) * time.Minute)
		e.story(s, "", "")
	}
	old := incident(sitrep.KindShelling, "Idlib", "Syria", "Shelling of Idlib last month", 3)
	old.Updated = e.clock.Now().AddDate(0, 0, -20)
	e.story(old, "", "")
	e.story(sitrep.Story{Category: sitrep.CategoryDevelopment, Kind: sitrep.KindMeeting, Headline: "Foreign ministers meet in Ankara",
		Place:        sitrep.Place{Name: "Ankara", Country: "Turkey"},
		Participants: []sitrep.Person{{Name: "Hakan Fidan", Role: "foreign minister", Country: "Turkey"}}}, "", "")
	e.bot()
	other := e.fake.AddGuild("Analysts")
	otherText := e.fake.AddChannel(other, "desk", discordgo.ChannelTypeGuildText, "")

	// Ten of the nineteen recent stories are the government's: two pages.
	ans := e.do(memberPerms, "incidents", dt.Str("place", "idlib"), dt.Str("actor", "government"))
	if !strings.Contains(ans.Text(), "Page 1 of 2 · 10 stories") || !strings.Contains(ans.Text(), "report 0\n") ||
		strings.Contains(ans.Text(), "Tahrir") || strings.Contains(ans.Text(), "last month") {
		t.Fatalf("/incidents page 1: %q", ans.Text())
	}
	next := ans.Message.Components[0].(*discordgo.ActionsRow).Components[1].(*discordgo.Button)
	var pages []string
	for _, inv := range []dt.Invocation{
		{GuildID: e.guild, ChannelID: e.text, Permissions: memberPerms, CustomID: next.CustomID},
		{GuildID: other, ChannelID: otherText, Permissions: memberPerms, CustomID: next.CustomID},
	} {
		page, err := e.fake.Do(inv)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, page.Text())
	}
	if !strings.Contains(pages[0], "Page 2 of 2 · 10 stories") || !strings.Contains(pages[0], "report 18\n") ||
		strings.Contains(pages[0], "report 0\n") {
		t.Fatalf("/incidents page 2: %q", pages[0])
	}
	if pages[1] != pages[0] {
		t.Errorf("page 2 differs in another guild:\n%s\n---\n%s", pages[1], pages[0])
	}

	// A page past the end, as an old button may ask, shows the last page.
	late := strings.Replace(next.CustomID, "pg:1:", "pg:7:", 1)
	page, err := e.fake.Do(dt.Invocation{GuildID: e.guild, ChannelID: e.text, Permissions: memberPerms, CustomID: late})
	if err != nil || page.Text() != pages[0] {
		t.Errorf("page past the end = %q, %v; want the last page", page.Text(), err)
	}

	ans = e.do(memberPerms, "diplomacy", dt.Str("who", "turkey"))
	if !strings.Contains(ans.Text(), "Foreign ministers meet in Ankara") || !strings.Contains(ans.Text(), "1 stories") {
		t.Errorf("/diplomacy who:turkey: %q", ans.Text())
	}
}
