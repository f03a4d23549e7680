package discordtest

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// connect opens a real discordgo session against the fake.
func connect(t *testing.T, s *Server) *discordgo.Session {
	t.Helper()
	dg, err := discordgo.New("Bot " + s.Token)
	if err != nil {
		t.Fatal(err)
	}
	dg.Client = s.Client()
	dg.Dialer = &websocket.Dialer{HandshakeTimeout: 5 * time.Second}
	dg.Identify.Intents = discordgo.IntentsGuilds
	dg.LogLevel = -1
	ready := make(chan *discordgo.Ready, 1)
	dg.AddHandlerOnce(func(_ *discordgo.Session, r *discordgo.Ready) { ready <- r })
	if err := dg.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dg.Close() })
	select {
	case r := <-ready:
		if r.User.ID != s.BotID || r.SessionID == "" {
			t.Fatalf("READY = %+v", r)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no READY")
	}
	return dg
}

func TestGatewayAndInteraction(t *testing.T) {
	s := New()
	defer s.Close()
	guild := s.AddGuild("Newsroom")
	text := s.AddChannel(guild, "briefings", discordgo.ChannelTypeGuildText, "")
	dg := connect(t, s)

	_, err := dg.ApplicationCommandBulkOverwrite(s.AppID, guild, []*discordgo.ApplicationCommand{
		{Name: "ping", Description: "Answers pong"},
	})
	if err != nil {
		t.Fatal(err)
	}
	dg.AddHandler(func(dg *discordgo.Session, i *discordgo.InteractionCreate) {
		if i.Member == nil || i.Member.Permissions != discordgo.PermissionManageGuild {
			return
		}
		_ = dg.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "pong", Flags: discordgo.MessageFlagsEphemeral},
		})
	})
	ans, err := s.Do(Invocation{GuildID: guild, ChannelID: text, Command: "ping", Permissions: discordgo.PermissionManageGuild})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Text() != "pong" || !ans.Ephemeral() {
		t.Fatalf("answer %q ephemeral=%v", ans.Text(), ans.Ephemeral())
	}
	if _, err := s.Interact(Invocation{GuildID: guild, Command: "unknown"}); err == nil {
		t.Fatal("an unregistered command was dispatched")
	}
}

func TestMessagesNonceAndFaults(t *testing.T) {
	s := New()
	defer s.Close()
	guild := s.AddGuild("Newsroom")
	text := s.AddChannel(guild, "briefings", discordgo.ChannelTypeGuildText, "")
	gone := s.AddChannel(guild, "old", discordgo.ChannelTypeGuildText, "")
	s.SetChannelStatus(gone, http.StatusNotFound)
	dg, _ := discordgo.New("Bot " + s.Token)
	dg.Client = s.Client()
	dg.ShouldRetryOnRateLimit = false

	send := func(ch, nonce string) (*discordgo.Message, error) {
		body := map[string]any{"content": "Shelling reported", "nonce": nonce, "enforce_nonce": true}
		b, err := dg.RequestWithBucketID("POST", discordgo.EndpointChannelMessages(ch), body, discordgo.EndpointChannelMessages(ch))
		if err != nil {
			return nil, err
		}
		var m discordgo.Message
		return &m, discordgo.Unmarshal(b, &m)
	}
	a, err := send(text, "slot-1-0")
	if err != nil {
		t.Fatal(err)
	}
	b, err := send(text, "slot-1-0")
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != b.ID || len(s.Messages(text)) != 1 {
		t.Fatalf("the same nonce posted twice: %s %s, %d messages", a.ID, b.ID, len(s.Messages(text)))
	}
	_, err = send(gone, "x")
	var rest *discordgo.RESTError
	if !asREST(err, &rest) || rest.Message == nil || rest.Message.Code != discordgo.ErrCodeUnknownChannel {
		t.Fatalf("deleted channel: %v", err)
	}
	s.AddFault(Fault{Method: "POST", Path: "/channels/" + text, Status: 429, RetryAfter: 20 * time.Millisecond, Times: 1})
	_, err = send(text, "slot-1-1")
	if _, ok := err.(*discordgo.RateLimitError); !ok {
		t.Fatalf("want a rate limit error, got %v", err)
	}
	if _, err := send(text, "slot-1-1"); err != nil {
		t.Fatal(err)
	}
	if got := len(s.Requests("POST", "/channels/"+text)); got != 4 {
		t.Fatalf("recorded %d posts", got)
	}
	if _, err := dg.ChannelMessageSend(text, strings.Repeat("x", 2001)); err == nil {
		t.Fatal("a 2001-character message was accepted")
	}
}

func asREST(err error, out **discordgo.RESTError) bool {
	r, ok := err.(*discordgo.RESTError)
	*out = r
	return ok
}

func TestResumeAfterDrop(t *testing.T) {
	s := New()
	defer s.Close()
	connect(t, s)
	s.DropGateway()
	if !s.WaitFor(5*time.Second, func() bool { return s.Resumes() > 0 && s.Connected() == 1 }) {
		t.Fatal("the client did not resume")
	}
}
