package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Option is one slash command option as Discord sends it.
type Option = discordgo.ApplicationCommandInteractionDataOption

// Sub is a sub-command with its options.
func Sub(name string, opts ...*Option) *Option {
	return &Option{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}
}

// Group is a sub-command group.
func Group(name string, subs ...*Option) *Option {
	return &Option{Name: name, Type: discordgo.ApplicationCommandOptionSubCommandGroup, Options: subs}
}

// Str is a string option.
func Str(name, value string) *Option {
	return &Option{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}
}

// Int is an integer option. Discord sends numbers as JSON numbers, which
// arrive as float64.
func Int(name string, value int) *Option {
	return &Option{Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: float64(value)}
}

// Bool is a boolean option.
func Bool(name string, value bool) *Option {
	return &Option{Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: value}
}

// Chan is a channel option; Discord sends the channel's ID.
func Chan(name, channelID string) *Option {
	return &Option{Name: name, Type: discordgo.ApplicationCommandOptionChannel, Value: channelID}
}

// Focus marks the option being typed, for autocomplete.
func Focus(o *Option) *Option { o.Focused = true; return o }

// An Invocation is one interaction a member triggers.
type Invocation struct {
	GuildID, ChannelID string
	UserID             string
	// Permissions is the member's computed permissions in the channel.
	Permissions int64
	// Command and Options make a slash command (or, with Autocomplete, an
	// autocomplete request); CustomID makes a button press on Message.
	Command      string
	Options      []*Option
	Autocomplete bool
	CustomID     string
	Message      *discordgo.Message
}

// A Reply collects what the bot answered to one interaction.
type Reply struct {
	ID, Token string
	srv       *Server
	created   time.Time

	// guarded by srv.mu
	callbackType discordgo.InteractionResponseType
	callback     json.RawMessage
	responded    bool
	original     *discordgo.Message
	edited       bool
	followups    []*discordgo.Message
	choices      []*discordgo.ApplicationCommandOptionChoice
	err          error
}

// An Answer is the bot's visible answer to an interaction.
type Answer struct {
	Type discordgo.InteractionResponseType
	// Message is the reply: the immediate message, or the deferred reply once
	// edited, or the updated message for a component.
	Message *discordgo.Message
	// Followups are further messages sent with the interaction's token.
	Followups []*discordgo.Message
	Choices   []*discordgo.ApplicationCommandOptionChoice
}

// Ephemeral reports whether only the invoking member sees the answer.
func (a Answer) Ephemeral() bool {
	return a.Message != nil && a.Message.Flags&discordgo.MessageFlagsEphemeral != 0
}

// Text is the answer's content and embed text, for assertions.
func (a Answer) Text() string {
	if a.Message == nil {
		return ""
	}
	return MessageText(a.Message)
}

// MessageText is a message's content, embed titles, descriptions, fields and
// footers, joined with newlines.
func MessageText(m *discordgo.Message) string {
	out := m.Content
	add := func(s string) {
		if s != "" {
			out += "\n" + s
		}
	}
	for _, e := range m.Embeds {
		add(e.Title)
		add(e.Description)
		for _, f := range e.Fields {
			add(f.Name)
			add(f.Value)
		}
		if e.Footer != nil {
			add(e.Footer.Text)
		}
	}
	return out
}

// Interact dispatches an interaction to the connected bot as INTERACTION_CREATE.
// The command must have been registered, as Discord only lets members
// invoke registered commands.
func (s *Server) Interact(inv Invocation) (*Reply, error) {
	s.mu.Lock()
	id := s.newID()
	token := "tok-" + id
	userID := inv.UserID
	if userID == "" {
		userID = s.newID()
	}
	in := map[string]any{
		"id": id, "application_id": s.AppID, "token": token, "version": 1,
		"guild_id": inv.GuildID, "channel_id": inv.ChannelID, "locale": "en-GB",
		"app_permissions": "2248473465835073",
		"member": map[string]any{
			"user":        map[string]any{"id": userID, "username": "member" + userID[len(userID)-4:], "discriminator": "0"},
			"roles":       []string{},
			"permissions": fmt.Sprint(inv.Permissions),
			"joined_at":   "2024-01-01T00:00:00Z",
		},
	}
	if ch := s.channels[inv.ChannelID]; ch != nil {
		in["channel"] = ch.Channel
	}
	switch {
	case inv.CustomID != "":
		in["type"] = discordgo.InteractionMessageComponent
		in["data"] = map[string]any{"custom_id": inv.CustomID, "component_type": discordgo.ButtonComponent}
		if inv.Message != nil {
			in["message"] = inv.Message
		}
	default:
		cmd := s.findCommand(inv.GuildID, inv.Command)
		if cmd == nil {
			s.mu.Unlock()
			return nil, fmt.Errorf("discordtest: command /%s is not registered", inv.Command)
		}
		typ := discordgo.InteractionApplicationCommand
		if inv.Autocomplete {
			typ = discordgo.InteractionApplicationCommandAutocomplete
		}
		in["type"] = typ
		opts := inv.Options
		if opts == nil {
			opts = []*Option{}
		}
		in["data"] = map[string]any{"id": cmd.ID, "name": cmd.Name, "type": discordgo.ChatApplicationCommand, "options": opts, "guild_id": cmd.GuildID}
	}
	r := &Reply{ID: id, Token: token, srv: s, created: time.Now()}
	s.replies[token] = r
	live := s.dispatchLocked("INTERACTION_CREATE", in)
	s.mu.Unlock()
	if !live {
		return nil, errors.New("discordtest: no bot connected to the gateway")
	}
	return r, nil
}

func (s *Server) findCommand(guildID, name string) *discordgo.ApplicationCommand {
	for _, scope := range []string{guildID, ""} {
		for _, c := range s.commands[scope] {
			if c.Name == name {
				return c
			}
		}
	}
	return nil
}

// Wait returns the bot's answer once it is complete: an immediate reply, or
// a deferred one once its content arrives. It fails when the bot did not
// acknowledge within Discord's three seconds, or did not finish in timeout.
func (r *Reply) Wait(timeout time.Duration) (Answer, error) {
	s := r.srv
	var ans Answer
	var err error
	done := s.WaitFor(timeout, func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		if r.err != nil {
			err = r.err
			return true
		}
		if !r.responded {
			if time.Since(r.created) > 3*time.Second {
				err = errors.New("discordtest: the interaction was not acknowledged within 3 seconds")
				return true
			}
			return false
		}
		ans = Answer{Type: r.callbackType, Message: r.original, Choices: r.choices, Followups: append([]*discordgo.Message(nil), r.followups...)}
		switch r.callbackType {
		case discordgo.InteractionResponseDeferredChannelMessageWithSource, discordgo.InteractionResponseDeferredMessageUpdate:
			return r.edited || len(r.followups) > 0
		}
		return true
	})
	if err != nil {
		return ans, err
	}
	if !done {
		return ans, fmt.Errorf("discordtest: no complete answer within %v", timeout)
	}
	if ans.Message == nil && len(ans.Followups) > 0 {
		ans.Message = ans.Followups[0]
	}
	return ans, nil
}

// Do interacts and waits for the answer.
func (s *Server) Do(inv Invocation) (Answer, error) {
	r, err := s.Interact(inv)
	if err != nil {
		return Answer{}, err
	}
	return r.Wait(10 * time.Second)
}

func (s *Server) callback(id, token string, body json.RawMessage) (any, *apiError) {
	var resp struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data json.RawMessage                   `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return nil, errf(400, 50035, "Invalid Form Body: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.replies[token]
	if r == nil || r.ID != id || time.Since(r.created) > 3*time.Second {
		return nil, errf(404, discordgo.ErrCodeUnknownInteraction, "Unknown interaction")
	}
	if r.responded {
		return nil, errf(400, discordgo.ErrCodeInteractionHasAlreadyBeenAcknowledged, "Interaction has already been acknowledged.")
	}
	switch resp.Type {
	case discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseUpdateMessage,
		discordgo.InteractionResponseDeferredChannelMessageWithSource, discordgo.InteractionResponseDeferredMessageUpdate:
		var o outgoing
		if len(resp.Data) > 0 {
			if err := json.Unmarshal(resp.Data, &o); err != nil {
				return nil, errf(400, 50035, "Invalid Form Body: %v", err)
			}
		}
		if resp.Type == discordgo.InteractionResponseChannelMessageWithSource || resp.Type == discordgo.InteractionResponseUpdateMessage {
			if e := o.check(0); e != nil {
				return nil, e
			}
		}
		m := s.newMessage("", &o, nil)
		r.original = m
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		var d struct {
			Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		}
		_ = json.Unmarshal(resp.Data, &d)
		if len(d.Choices) > 25 {
			return nil, errf(400, 50035, "Invalid Form Body: data.choices: Must be 25 or fewer in length.")
		}
		for _, c := range d.Choices {
			if n := len([]rune(c.Name)); n < 1 || n > 100 {
				return nil, errf(400, 50035, "Invalid Form Body: data.choices.name: Must be between 1 and 100 in length.")
			}
		}
		r.choices = d.Choices
	case discordgo.InteractionResponseModal:
	default:
		return nil, errf(400, 50035, "Invalid Form Body: type: Value is not a valid enum value")
	}
	r.callbackType, r.callback, r.responded = resp.Type, resp.Data, true
	s.broadcast()
	return nil, nil
}

func (s *Server) reply(appID, token string) (*Reply, *apiError) {
	if appID != s.AppID {
		return nil, errf(404, discordgo.ErrCodeUnknownWebhook, "Unknown Webhook")
	}
	r := s.replies[token]
	if r == nil || time.Since(r.created) > 15*time.Minute {
		return nil, errf(404, discordgo.ErrCodeUnknownWebhook, "Unknown Webhook")
	}
	if !r.responded {
		return nil, errf(404, discordgo.ErrCodeUnknownMessage, "Unknown Message")
	}
	return r, nil
}

func (s *Server) followup(appID, token string, body json.RawMessage) (any, *apiError) {
	var o outgoing
	if err := json.Unmarshal(body, &o); err != nil {
		return nil, errf(400, 50035, "Invalid Form Body: %v", err)
	}
	if e := o.check(0); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, e := s.reply(appID, token)
	if e != nil {
		return nil, e
	}
	m := s.newMessage("", &o, nil)
	r.followups = append(r.followups, m)
	s.broadcast()
	return m, nil
}

func (s *Server) editWebhookMessage(appID, token, messageID string, body json.RawMessage) (any, *apiError) {
	var edit struct {
		Content    *string                    `json:"content"`
		Embeds     *[]*discordgo.MessageEmbed `json:"embeds"`
		Components json.RawMessage            `json:"components"`
		Flags      *discordgo.MessageFlags    `json:"flags"`
	}
	if err := json.Unmarshal(body, &edit); err != nil {
		return nil, errf(400, 50035, "Invalid Form Body: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, e := s.reply(appID, token)
	if e != nil {
		return nil, e
	}
	target := r.original
	if messageID != "@original" {
		target = nil
		for _, f := range r.followups {
			if f.ID == messageID {
				target = f
			}
		}
	}
	if target == nil {
		return nil, errf(404, discordgo.ErrCodeUnknownMessage, "Unknown Message")
	}
	next := outgoing{Content: target.Content, Embeds: target.Embeds, Components: edit.Components}
	if edit.Content != nil {
		next.Content = *edit.Content
	}
	if edit.Embeds != nil {
		next.Embeds = *edit.Embeds
	}
	if e := next.check(0); e != nil {
		return nil, e
	}
	target.Content, target.Embeds = next.Content, next.Embeds
	if len(edit.Components) > 0 {
		var holder discordgo.Message
		_ = json.Unmarshal([]byte(`{"components":`+string(edit.Components)+`}`), &holder)
		target.Components = holder.Components
	}
	if messageID == "@original" {
		r.edited = true
	}
	s.broadcast()
	c := *target
	return &c, nil
}

func (s *Server) webhookMessage(token, messageID string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, e := s.reply(s.AppID, token)
	if e != nil {
		return nil, e
	}
	if messageID == "@original" && r.original != nil {
		c := *r.original
		return &c, nil
	}
	for _, f := range r.followups {
		if f.ID == messageID {
			c := *f
			return &c, nil
		}
	}
	return nil, errf(404, discordgo.ErrCodeUnknownMessage, "Unknown Message")
}
