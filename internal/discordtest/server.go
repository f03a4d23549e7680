// Package discordtest serves, on loopback, the parts of Discord's REST API
// and gateway that the bot uses, faithfully enough that discordgo cannot tell
// it from the real service: the gateway handshake (HELLO, IDENTIFY, READY,
// heartbeats, RESUME), application command registration, interaction
// callbacks and follow-ups, channel messages (JSON and multipart), edits,
// crossposts, threads and forum posts, rate-limit headers and 429s, and the
// nonce de-duplication Discord applies with enforce_nonce.
//
// It records every request the bot made with its decoded payload, lets a test
// inject interactions as a given member and wait for the answer, and can
// fail, rate-limit or hold requests on demand so tests can exercise retries,
// lost channels and crashes mid-delivery. It owns nothing else; it is a test
// double, not a general Discord emulator.
package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Discord's epoch, for snowflakes.
const discordEpoch = 1420070400000

// Server is a fake Discord on a loopback listener.
type Server struct {
	// Token is the bot token the fake accepts, without the "Bot " prefix.
	Token string
	// AppID is the application's ID and BotID the bot user's.
	AppID, BotID string
	// HeartbeatInterval is sent in HELLO.
	HeartbeatInterval time.Duration

	srv *httptest.Server

	mu          sync.Mutex
	changed     chan struct{} // closed and replaced on every state change
	seq         int64
	guilds      map[string]*discordgo.Guild
	channels    map[string]*channel
	messages    map[string]*discordgo.Message
	order       map[string][]string // channel ID → message IDs in order
	nonces      map[string]string   // channel ID + nonce → message ID
	commands    map[string][]*discordgo.ApplicationCommand
	requests    []Request
	faults      []*Fault
	limits      map[string]*limit
	replies     map[string]*Reply // by interaction token
	conns       map[*gwConn]bool
	sessions    map[string]*gwSession
	hold        *Hold
	crossposted map[string]bool
}

type channel struct {
	*discordgo.Channel
	status int // 0, or the HTTP status every request on it gets (404, 403)
}

// A Request is one REST call the bot made.
type Request struct {
	Method string
	Path   string // without the /api/vN prefix, e.g. /channels/1/messages
	Query  url.Values
	// Body is the JSON payload: the body, or payload_json of a multipart body.
	Body  json.RawMessage
	Files []File
	// Status is what the fake answered.
	Status int
	At     time.Time
}

// A File is one attachment of a multipart request.
type File struct {
	Name        string
	ContentType string
	Data        []byte
}

// Decode unmarshals the request's JSON payload into v.
func (r Request) Decode(v any) error { return json.Unmarshal(r.Body, v) }

// New starts a fake Discord. Close it when done.
func New() *Server {
	s := &Server{
		Token:             "fake-token",
		HeartbeatInterval: 41250 * time.Millisecond,
		changed:           make(chan struct{}),
		guilds:            map[string]*discordgo.Guild{},
		channels:          map[string]*channel{},
		messages:          map[string]*discordgo.Message{},
		order:             map[string][]string{},
		nonces:            map[string]string{},
		commands:          map[string][]*discordgo.ApplicationCommand{},
		limits:            map[string]*limit{},
		replies:           map[string]*Reply{},
		conns:             map[*gwConn]bool{},
		sessions:          map[string]*gwSession{},
		crossposted:       map[string]bool{},
	}
	s.AppID = s.newID()
	s.BotID = s.AppID
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// URL is the fake's base URL, http://127.0.0.1:port.
func (s *Server) URL() string { return s.srv.URL }

// Close stops the fake and drops every gateway connection.
func (s *Server) Close() {
	s.DropGateway()
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// newID returns a fresh snowflake. The caller may hold s.mu or not; it only
// touches seq under its own lock-free discipline through s.mu when needed.
func (s *Server) newID() string {
	s.seq++
	ms := time.Now().UnixMilli() - discordEpoch
	return strconv.FormatInt(ms<<22|(s.seq&0x3fffff), 10)
}

// broadcast wakes everything waiting on a change. Call with s.mu held.
func (s *Server) broadcast() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// AddGuild creates a guild; its channels are added with AddChannel.
func (s *Server) AddGuild(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.newID()
	s.guilds[id] = &discordgo.Guild{ID: id, Name: name, OwnerID: "1"}
	return id
}

// AddChannel creates a channel of the given type (discordgo.ChannelTypeGuildText,
// GuildNews, GuildForum, GuildPublicThread...) and returns its ID. parentID is
// the parent channel of a thread, or "".
func (s *Server) AddChannel(guildID, name string, typ discordgo.ChannelType, parentID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addChannel(guildID, name, typ, parentID)
}

func (s *Server) addChannel(guildID, name string, typ discordgo.ChannelType, parentID string) string {
	id := s.newID()
	ch := &discordgo.Channel{ID: id, GuildID: guildID, Name: name, Type: typ, ParentID: parentID}
	s.channels[id] = &channel{Channel: ch}
	if g := s.guilds[guildID]; g != nil {
		g.Channels = append(g.Channels, ch)
	}
	return id
}

// SetChannelStatus makes every request on a channel answer with status:
// 404 (Unknown Channel, code 10003) or 403 (Missing Access, code 50001);
// 0 restores it.
func (s *Server) SetChannelStatus(channelID string, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ch := s.channels[channelID]; ch != nil {
		ch.status = status
	}
}

// Channel returns a copy of a channel as the fake holds it.
func (s *Server) Channel(id string) (discordgo.Channel, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := s.channels[id]
	if ch == nil {
		return discordgo.Channel{}, false
	}
	return *ch.Channel, true
}

// Threads returns the threads whose parent is channelID, oldest first.
func (s *Server) Threads(parentID string) []discordgo.Channel {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []discordgo.Channel
	for _, ch := range s.channels {
		if ch.ParentID == parentID && ch.IsThread() {
			out = append(out, *ch.Channel)
		}
	}
	sortChannels(out)
	return out
}

// Messages returns the messages in a channel, oldest first, as stored
// (edits applied).
func (s *Server) Messages(channelID string) []discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []discordgo.Message
	for _, id := range s.order[channelID] {
		out = append(out, *s.messages[id])
	}
	return out
}

// Crossposted reports whether a message was published to followers.
func (s *Server) Crossposted(messageID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.crossposted[messageID]
}

// Commands returns the commands registered globally (guildID "") or in a guild.
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*discordgo.ApplicationCommand(nil), s.commands[guildID]...)
}

// Requests returns every REST request made so far that matches method (""
// for any) and whose path starts with prefix.
func (s *Server) Requests(method, prefix string) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Request
	for _, r := range s.requests {
		if (method == "" || r.Method == method) && strings.HasPrefix(r.Path, prefix) {
			out = append(out, r)
		}
	}
	return out
}

// Changed returns a channel closed at the next change of the fake's state;
// tests wait on it instead of sleeping.
func (s *Server) Changed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changed
}

// WaitFor blocks until cond holds, re-checking it at every change of the
// fake and every 10 ms (cond may look at state the fake does not hold, such
// as the bot's database), or until the timeout passes. It reports whether
// cond held.
func (s *Server) WaitFor(timeout time.Duration, cond func() bool) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		ch := s.Changed()
		if cond() {
			return true
		}
		select {
		case <-ch:
		case <-tick.C:
		case <-deadline.C:
			return cond()
		}
	}
}

func sortChannels(cs []discordgo.Channel) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && snowflakeLess(cs[j].ID, cs[j-1].ID); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

func snowflakeLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

func (s *Server) String() string { return fmt.Sprintf("discordtest.Server(%s)", s.srv.URL) }
