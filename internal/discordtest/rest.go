package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

var apiPrefix = regexp.MustCompile(`^/api/v(\d+)(/.*)$`)

// apiError is Discord's JSON error body.
type apiError struct {
	status  int
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func errf(status, code int, format string, args ...any) *apiError {
	return &apiError{status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/" || r.URL.Path == "/gateway" {
		s.serveGateway(w, r)
		return
	}
	m := apiPrefix.FindStringSubmatch(r.URL.Path)
	if m == nil {
		http.NotFound(w, r)
		return
	}
	if v, _ := strconv.Atoi(m[1]); v < 9 {
		writeJSON(w, http.StatusBadRequest, errf(400, 50041, "Invalid API version"))
		return
	}
	path := m[2]
	body, files, err := readBody(r)
	req := Request{Method: r.Method, Path: path, Query: r.URL.Query(), Body: body, Files: files, At: time.Now()}
	if err != nil {
		s.finish(w, &req, nil, errf(400, 50109, "The request body contains invalid JSON: %v", err))
		return
	}
	public := strings.HasPrefix(path, "/interactions/") || strings.HasPrefix(path, "/webhooks/") || strings.HasPrefix(path, "/gateway")
	if !public && r.Header.Get("Authorization") != "Bot "+s.Token {
		s.finish(w, &req, nil, errf(401, 0, "401: Unauthorized"))
		return
	}

	s.mu.Lock()
	now := time.Now()
	if exceeded, retry := s.rateHeaders(w.Header(), path, now); exceeded {
		s.mu.Unlock()
		s.tooMany(w, &req, retry, false)
		return
	}
	if f := s.fault(r.Method, path); f != nil {
		s.mu.Unlock()
		if f.Status == http.StatusTooManyRequests {
			s.tooMany(w, &req, f.RetryAfter, f.Global)
			return
		}
		s.finish(w, &req, nil, &apiError{status: f.Status, Code: f.Code, Message: f.Message})
		return
	}
	s.mu.Unlock()

	r = r.WithContext(context.WithValue(r.Context(), filesKey{}, files))
	out, apiErr := s.route(r, path, body, &req)
	s.finish(w, &req, out, apiErr)
}

// finish records the request and writes the answer.
func (s *Server) finish(w http.ResponseWriter, req *Request, out any, e *apiError) {
	status := http.StatusOK
	if e != nil {
		status = e.status
		out = e
	} else if out == nil {
		status = http.StatusNoContent
	}
	req.Status = status
	s.mu.Lock()
	s.requests = append(s.requests, *req)
	s.broadcast()
	s.mu.Unlock()
	if status == http.StatusNoContent {
		w.WriteHeader(status)
		return
	}
	writeJSON(w, status, out)
}

func (s *Server) tooMany(w http.ResponseWriter, req *Request, retry time.Duration, global bool) {
	if retry <= 0 {
		retry = 10 * time.Millisecond
	}
	h := w.Header()
	h.Set("Retry-After", strconv.Itoa(int((retry+time.Second-1)/time.Second)))
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset-After", secs(retry.Seconds()))
	scope := "user"
	if global {
		h.Set("X-RateLimit-Global", "true")
		scope = "global"
	}
	h.Set("X-RateLimit-Scope", scope)
	req.Status = http.StatusTooManyRequests
	s.mu.Lock()
	s.requests = append(s.requests, *req)
	s.broadcast()
	s.mu.Unlock()
	writeJSON(w, http.StatusTooManyRequests, map[string]any{
		"message": "You are being rate limited.", "retry_after": retry.Seconds(), "global": global,
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Date", time.Now().UTC().Format(http.TimeFormat))
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// readBody returns the JSON payload of a request and its files: the body
// itself, or the payload_json part of a multipart body.
func readBody(r *http.Request) (json.RawMessage, []File, error) {
	data, err := io.ReadAll(io.LimitReader(r.Body, 25<<20))
	if err != nil {
		return nil, nil, err
	}
	if len(data) == 0 {
		return nil, nil, nil
	}
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		if !json.Valid(data) {
			return nil, nil, fmt.Errorf("not JSON")
		}
		return data, nil, nil
	}
	mr := multipart.NewReader(bytes.NewReader(data), params["boundary"])
	var payload json.RawMessage
	var files []File
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		b, err := io.ReadAll(p)
		if err != nil {
			return nil, nil, err
		}
		if p.FormName() == "payload_json" {
			if !json.Valid(b) {
				return nil, nil, fmt.Errorf("payload_json is not JSON")
			}
			payload = b
			continue
		}
		files = append(files, File{Name: p.FileName(), ContentType: p.Header.Get("Content-Type"), Data: b})
	}
	return payload, files, nil
}

// route answers one authorised request.
func (s *Server) route(r *http.Request, path string, body json.RawMessage, req *Request) (any, *apiError) {
	seg := strings.Split(strings.Trim(path, "/"), "/")
	n := len(seg)
	is := func(method string, parts ...string) bool {
		if r.Method != method || len(parts) != n {
			return false
		}
		for i, p := range parts {
			if p != "*" && p != seg[i] {
				return false
			}
		}
		return true
	}
	switch {
	case is("GET", "gateway"), is("GET", "gateway", "bot"):
		return map[string]any{
			"url": "ws://" + r.Host, "shards": 1,
			"session_start_limit": map[string]int{"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
		}, nil
	case is("GET", "users", "@me"):
		return s.botUser(), nil
	case is("GET", "applications", "@me"):
		return map[string]any{"id": s.AppID, "name": "Sitrep", "bot": s.botUser()}, nil
	case is("PUT", "applications", "*", "commands"):
		return s.putCommands(seg[1], "", body)
	case is("PUT", "applications", "*", "guilds", "*", "commands"):
		return s.putCommands(seg[1], seg[3], body)
	case is("GET", "applications", "*", "commands"):
		return s.Commands(""), nil
	case is("GET", "applications", "*", "guilds", "*", "commands"):
		return s.Commands(seg[3]), nil
	case is("POST", "interactions", "*", "*", "callback"):
		return s.callback(seg[1], seg[2], body)
	case is("POST", "webhooks", "*", "*"):
		return s.followup(seg[1], seg[2], body)
	case is("PATCH", "webhooks", "*", "*", "messages", "*"):
		return s.editWebhookMessage(seg[1], seg[2], seg[4], body)
	case is("GET", "webhooks", "*", "*", "messages", "*"):
		return s.webhookMessage(seg[2], seg[4])
	case is("DELETE", "webhooks", "*", "*", "messages", "*"):
		_, e := s.webhookMessage(seg[2], seg[4])
		return nil, e
	case is("GET", "channels", "*"):
		ch, e := s.channel(seg[1])
		if e != nil {
			return nil, e
		}
		return ch.Channel, nil
	case is("POST", "channels", "*", "messages"):
		return s.createMessage(r, seg[1], body)
	case is("GET", "channels", "*", "messages", "*"):
		return s.message(seg[1], seg[3])
	case is("PATCH", "channels", "*", "messages", "*"):
		return s.editMessage(seg[1], seg[3], body)
	case is("POST", "channels", "*", "messages", "*", "crosspost"):
		return s.crosspost(seg[1], seg[3])
	case is("POST", "channels", "*", "threads"):
		return s.startThread(r, seg[1], "", body)
	case is("POST", "channels", "*", "messages", "*", "threads"):
		return s.startThread(r, seg[1], seg[3], body)
	case is("GET", "guilds", "*", "threads", "active"):
		return s.activeThreads(seg[1])
	case is("GET", "guilds", "*", "channels"):
		return s.guildChannels(seg[1])
	}
	return nil, errf(404, 0, "404: Not Found")
}

func (s *Server) botUser() *discordgo.User {
	return &discordgo.User{ID: s.BotID, Username: "Sitrep", Discriminator: "0", Bot: true}
}

// channel checks a channel exists and is reachable.
func (s *Server) channel(id string) (*channel, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.channelLocked(id)
}

func (s *Server) channelLocked(id string) (*channel, *apiError) {
	ch := s.channels[id]
	if ch == nil {
		return nil, errf(404, discordgo.ErrCodeUnknownChannel, "Unknown Channel")
	}
	switch ch.status {
	case 404:
		return nil, errf(404, discordgo.ErrCodeUnknownChannel, "Unknown Channel")
	case 403:
		return nil, errf(403, discordgo.ErrCodeMissingAccess, "Missing Access")
	}
	return ch, nil
}

func (s *Server) guildChannels(guildID string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.guilds[guildID] == nil {
		return nil, errf(404, discordgo.ErrCodeUnknownGuild, "Unknown Guild")
	}
	var out []*discordgo.Channel
	for _, ch := range s.channels {
		if ch.GuildID == guildID && !ch.IsThread() {
			out = append(out, ch.Channel)
		}
	}
	return out, nil
}

func (s *Server) activeThreads(guildID string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.guilds[guildID] == nil {
		return nil, errf(404, discordgo.ErrCodeUnknownGuild, "Unknown Guild")
	}
	threads := []*discordgo.Channel{}
	for _, ch := range s.channels {
		if ch.GuildID == guildID && ch.IsThread() && ch.status == 0 {
			threads = append(threads, ch.Channel)
		}
	}
	return map[string]any{"threads": threads, "members": []any{}}, nil
}

// outgoing is a message payload as Discord accepts it on create.
type outgoing struct {
	Content          string                            `json:"content"`
	Embeds           []*discordgo.MessageEmbed         `json:"embeds"`
	Components       json.RawMessage                   `json:"components"`
	AllowedMentions  *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	MessageReference *discordgo.MessageReference       `json:"message_reference"`
	Flags            discordgo.MessageFlags            `json:"flags"`
	Nonce            json.RawMessage                   `json:"nonce"`
	EnforceNonce     bool                              `json:"enforce_nonce"`
	Attachments      []json.RawMessage                 `json:"attachments"`
}

// check applies Discord's message limits.
func (o *outgoing) check(files int) *apiError {
	if len(o.Content) == 0 && len(o.Embeds) == 0 && files == 0 && len(o.Components) == 0 {
		return errf(400, discordgo.ErrCodeCannotSendEmptyMessage, "Cannot send an empty message")
	}
	if n := len([]rune(o.Content)); n > 2000 {
		return errf(400, 50035, "Invalid Form Body: content: Must be 2000 or fewer in length (got %d)", n)
	}
	if len(o.Embeds) > 10 {
		return errf(400, 50035, "Invalid Form Body: embeds: Must be 10 or fewer in length")
	}
	total := 0
	for i, e := range o.Embeds {
		size := func(field string, s string, max int) *apiError {
			n := len([]rune(s))
			total += n
			if n > max {
				return errf(400, 50035, "Invalid Form Body: embeds.%d.%s: Must be %d or fewer in length (got %d)", i, field, max, n)
			}
			return nil
		}
		if err := size("title", e.Title, 256); err != nil {
			return err
		}
		if err := size("description", e.Description, 4096); err != nil {
			return err
		}
		if len(e.Fields) > 25 {
			return errf(400, 50035, "Invalid Form Body: embeds.%d.fields: Must be 25 or fewer in length", i)
		}
		for _, f := range e.Fields {
			if err := size("fields.name", f.Name, 256); err != nil {
				return err
			}
			if err := size("fields.value", f.Value, 1024); err != nil {
				return err
			}
			if f.Name == "" || f.Value == "" {
				return errf(400, 50035, "Invalid Form Body: embeds.%d.fields: name and value are required", i)
			}
		}
		if e.Footer != nil {
			if err := size("footer.text", e.Footer.Text, 2048); err != nil {
				return err
			}
		}
		if e.Author != nil {
			if err := size("author.name", e.Author.Name, 256); err != nil {
				return err
			}
		}
	}
	if total > 6000 {
		return errf(400, 50035, "Invalid Form Body: embeds: Embed size exceeds maximum size of 6000 (got %d)", total)
	}
	if len(o.Nonce) > 0 {
		var str string
		if json.Unmarshal(o.Nonce, &str) == nil && len(str) > 25 {
			return errf(400, 50035, "Invalid Form Body: nonce: Must be 25 or fewer in length")
		}
	}
	return nil
}

func (o *outgoing) nonce() string {
	var str string
	if json.Unmarshal(o.Nonce, &str) == nil {
		return str
	}
	return string(o.Nonce)
}

func (s *Server) newMessage(channelID string, o *outgoing, files []File) *discordgo.Message {
	m := &discordgo.Message{
		ID:        s.newID(),
		ChannelID: channelID,
		Content:   o.Content,
		Embeds:    o.Embeds,
		Author:    s.botUser(),
		Timestamp: time.Now().UTC(),
		Flags:     o.Flags,
	}
	if len(o.Components) > 0 {
		var holder discordgo.Message
		_ = json.Unmarshal([]byte(`{"components":`+string(o.Components)+`}`), &holder)
		m.Components = holder.Components
	}
	if ch := s.channels[channelID]; ch != nil {
		m.GuildID = ch.GuildID
	}
	m.MessageReference = o.MessageReference
	for _, f := range files {
		m.Attachments = append(m.Attachments, &discordgo.MessageAttachment{ID: s.newID(), Filename: f.Name, ContentType: f.ContentType, Size: len(f.Data)})
	}
	return m
}

func (s *Server) store(m *discordgo.Message) {
	s.messages[m.ID] = m
	s.order[m.ChannelID] = append(s.order[m.ChannelID], m.ID)
}

func postable(t discordgo.ChannelType) bool {
	switch t {
	case discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews,
		discordgo.ChannelTypeGuildPublicThread, discordgo.ChannelTypeGuildPrivateThread, discordgo.ChannelTypeGuildNewsThread:
		return true
	}
	return false
}

func (s *Server) createMessage(r *http.Request, channelID string, body json.RawMessage) (any, *apiError) {
	var o outgoing
	if len(body) > 0 {
		if err := json.Unmarshal(body, &o); err != nil {
			return nil, errf(400, 50035, "Invalid Form Body: %v", err)
		}
	}
	s.mu.Lock()
	ch, e := s.channelLocked(channelID)
	if e != nil {
		s.mu.Unlock()
		return nil, e
	}
	if !postable(ch.Type) {
		s.mu.Unlock()
		return nil, errf(400, discordgo.ErrCodeCannotExecuteActionOnThisChannelType, "Cannot execute action on this channel type")
	}
	if e := o.check(len(filesOf(r))); e != nil {
		s.mu.Unlock()
		return nil, e
	}
	key := channelID + "\x00" + o.nonce()
	if o.EnforceNonce && len(o.Nonce) > 0 {
		if id, ok := s.nonces[key]; ok {
			m := *s.messages[id]
			s.mu.Unlock()
			return &m, nil
		}
	}
	m := s.newMessage(channelID, &o, filesOf(r))
	if o.MessageReference != nil {
		if ref := s.messages[o.MessageReference.MessageID]; ref == nil || ref.ChannelID != channelID {
			s.mu.Unlock()
			return nil, errf(400, 50035, "Invalid Form Body: message_reference: Unknown message")
		}
	}
	s.store(m)
	if len(o.Nonce) > 0 {
		s.nonces[key] = m.ID
	}
	hold := s.holdFor()
	s.broadcast()
	s.mu.Unlock()
	if hold != nil {
		select {
		case <-r.Context().Done():
		case <-hold.release:
		}
		return nil, errf(503, 0, "held")
	}
	return m, nil
}

// filesOf returns the files of the request being served; readBody put them
// in the recorded request, but route has only the body, so look again.
func filesOf(r *http.Request) []File {
	if f, ok := r.Context().Value(filesKey{}).([]File); ok {
		return f
	}
	return nil
}

type filesKey struct{}

func (s *Server) message(channelID, messageID string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, e := s.channelLocked(channelID); e != nil {
		return nil, e
	}
	m := s.messages[messageID]
	if m == nil || m.ChannelID != channelID {
		return nil, errf(404, discordgo.ErrCodeUnknownMessage, "Unknown Message")
	}
	c := *m
	return &c, nil
}

func (s *Server) editMessage(channelID, messageID string, body json.RawMessage) (any, *apiError) {
	var edit struct {
		Content    *string                    `json:"content"`
		Embeds     *[]*discordgo.MessageEmbed `json:"embeds"`
		Components json.RawMessage            `json:"components"`
	}
	if err := json.Unmarshal(body, &edit); err != nil {
		return nil, errf(400, 50035, "Invalid Form Body: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, e := s.channelLocked(channelID); e != nil {
		return nil, e
	}
	m := s.messages[messageID]
	if m == nil || m.ChannelID != channelID {
		return nil, errf(404, discordgo.ErrCodeUnknownMessage, "Unknown Message")
	}
	if m.Author == nil || m.Author.ID != s.BotID {
		return nil, errf(403, discordgo.ErrCodeCannotEditFromAnotherUser, "Cannot edit a message authored by another user")
	}
	next := outgoing{Content: m.Content, Embeds: m.Embeds}
	if edit.Content != nil {
		next.Content = *edit.Content
	}
	if edit.Embeds != nil {
		next.Embeds = *edit.Embeds
	}
	if e := next.check(len(m.Attachments)); e != nil {
		return nil, e
	}
	m.Content, m.Embeds = next.Content, next.Embeds
	if len(edit.Components) > 0 {
		var holder discordgo.Message
		_ = json.Unmarshal([]byte(`{"components":`+string(edit.Components)+`}`), &holder)
		m.Components = holder.Components
	}
	now := time.Now().UTC()
	m.EditedTimestamp = &now
	c := *m
	return &c, nil
}

func (s *Server) crosspost(channelID, messageID string) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, e := s.channelLocked(channelID)
	if e != nil {
		return nil, e
	}
	if ch.Type != discordgo.ChannelTypeGuildNews {
		return nil, errf(400, discordgo.ErrCodeCannotExecuteActionOnThisChannelType, "Cannot execute action on this channel type")
	}
	m := s.messages[messageID]
	if m == nil || m.ChannelID != channelID {
		return nil, errf(404, discordgo.ErrCodeUnknownMessage, "Unknown Message")
	}
	if s.crossposted[messageID] {
		return nil, errf(400, discordgo.ErrCodeMessageAlreadyCrossposted, "This message has already been crossposted.")
	}
	s.crossposted[messageID] = true
	m.Flags |= discordgo.MessageFlagsCrossPosted
	c := *m
	return &c, nil
}

// startThread creates a thread from a message, a thread in a text channel,
// or a forum post (a thread with its first message).
func (s *Server) startThread(r *http.Request, channelID, messageID string, body json.RawMessage) (any, *apiError) {
	var in struct {
		Name    string          `json:"name"`
		Type    int             `json:"type"`
		Message json.RawMessage `json:"message"`
	}
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, errf(400, 50035, "Invalid Form Body: %v", err)
	}
	if n := len([]rune(in.Name)); n < 1 || n > 100 {
		return nil, errf(400, 50035, "Invalid Form Body: name: Must be between 1 and 100 in length.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	parent, e := s.channelLocked(channelID)
	if e != nil {
		return nil, e
	}
	thread := &discordgo.Channel{GuildID: parent.GuildID, ParentID: channelID, Name: in.Name, Type: discordgo.ChannelTypeGuildPublicThread,
		ThreadMetadata: &discordgo.ThreadMetadata{AutoArchiveDuration: 1440}}
	if parent.Type == discordgo.ChannelTypeGuildNews {
		thread.Type = discordgo.ChannelTypeGuildNewsThread
	}
	switch {
	case messageID != "":
		m := s.messages[messageID]
		if m == nil || m.ChannelID != channelID {
			return nil, errf(404, discordgo.ErrCodeUnknownMessage, "Unknown Message")
		}
		if _, taken := s.channels[messageID]; taken {
			return nil, errf(400, discordgo.ErrCodeThreadAlreadyCreatedForThisMessage, "A thread has already been created for this message")
		}
		thread.ID = messageID // Discord gives a thread started from a message that message's ID
		m.Thread = thread
	case parent.Type == discordgo.ChannelTypeGuildForum || parent.Type == discordgo.ChannelTypeGuildMedia:
		if len(in.Message) == 0 {
			return nil, errf(400, 50035, "Invalid Form Body: message: This field is required")
		}
		var o outgoing
		if err := json.Unmarshal(in.Message, &o); err != nil {
			return nil, errf(400, 50035, "Invalid Form Body: %v", err)
		}
		if e := o.check(len(filesOf(r))); e != nil {
			return nil, e
		}
		thread.ID = s.newID()
		s.channels[thread.ID] = &channel{Channel: thread}
		starter := s.newMessage(thread.ID, &o, filesOf(r))
		starter.ID = thread.ID // a forum post's starter message shares the thread's ID
		s.store(starter)
		hold := s.holdFor()
		s.broadcast()
		out := map[string]any{}
		b, _ := json.Marshal(thread)
		_ = json.Unmarshal(b, &out)
		out["message"] = starter
		if hold != nil {
			s.mu.Unlock()
			select {
			case <-r.Context().Done():
			case <-hold.release:
			}
			s.mu.Lock()
			return nil, errf(503, 0, "held")
		}
		return out, nil
	case postable(parent.Type):
		thread.ID = s.newID()
	default:
		return nil, errf(400, discordgo.ErrCodeCannotExecuteActionOnThisChannelType, "Cannot execute action on this channel type")
	}
	s.channels[thread.ID] = &channel{Channel: thread}
	s.broadcast()
	return thread, nil
}

var commandName = regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)

func (s *Server) putCommands(appID, guildID string, body json.RawMessage) (any, *apiError) {
	if appID != s.AppID {
		return nil, errf(403, discordgo.ErrCodeMissingAccess, "Missing Access")
	}
	var cmds []*discordgo.ApplicationCommand
	if err := json.Unmarshal(body, &cmds); err != nil {
		return nil, errf(400, 50035, "Invalid Form Body: %v", err)
	}
	if len(cmds) > 100 {
		return nil, errf(400, 30032, "Maximum number of application commands reached (100)")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if guildID != "" && s.guilds[guildID] == nil {
		return nil, errf(404, discordgo.ErrCodeUnknownGuild, "Unknown Guild")
	}
	old := map[string]string{}
	for _, c := range s.commands[guildID] {
		old[c.Name] = c.ID
	}
	seen := map[string]bool{}
	for i, c := range cmds {
		if e := checkCommand(i, c); e != nil {
			return nil, e
		}
		if seen[c.Name] {
			return nil, errf(400, 50035, "Invalid Form Body: %d: Application command names must be unique", i)
		}
		seen[c.Name] = true
		c.ApplicationID, c.GuildID = s.AppID, guildID
		if c.Type == 0 {
			c.Type = discordgo.ChatApplicationCommand
		}
		if id, ok := old[c.Name]; ok {
			c.ID = id
		} else {
			c.ID = s.newID()
		}
		c.Version = s.newID()
	}
	s.commands[guildID] = cmds
	return cmds, nil
}

func checkCommand(i int, c *discordgo.ApplicationCommand) *apiError {
	if !commandName.MatchString(c.Name) {
		return errf(400, 50035, "Invalid Form Body: %d.name: Command name is invalid", i)
	}
	if c.Type == 0 || c.Type == discordgo.ChatApplicationCommand {
		if n := len([]rune(c.Description)); n < 1 || n > 100 {
			return errf(400, 50035, "Invalid Form Body: %d.description: Must be between 1 and 100 in length.", i)
		}
	}
	return checkOptions(fmt.Sprintf("%d", i), c.Options, 0)
}

func checkOptions(where string, opts []*discordgo.ApplicationCommandOption, depth int) *apiError {
	if len(opts) > 25 {
		return errf(400, 50035, "Invalid Form Body: %s.options: Must be 25 or fewer in length.", where)
	}
	optional := false
	seen := map[string]bool{}
	for j, o := range opts {
		at := fmt.Sprintf("%s.options.%d", where, j)
		if !commandName.MatchString(o.Name) {
			return errf(400, 50035, "Invalid Form Body: %s.name: Command name is invalid", at)
		}
		if seen[o.Name] {
			return errf(400, 50035, "Invalid Form Body: %s.name: Option names must be unique", at)
		}
		seen[o.Name] = true
		if n := len([]rune(o.Description)); n < 1 || n > 100 {
			return errf(400, 50035, "Invalid Form Body: %s.description: Must be between 1 and 100 in length.", at)
		}
		if len(o.Choices) > 25 {
			return errf(400, 50035, "Invalid Form Body: %s.choices: Must be 25 or fewer in length.", at)
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			return errf(400, 50035, "Invalid Form Body: %s.autocomplete: Autocomplete and choices are mutually exclusive", at)
		}
		switch o.Type {
		case discordgo.ApplicationCommandOptionSubCommand, discordgo.ApplicationCommandOptionSubCommandGroup:
			if depth >= 2 || (o.Type == discordgo.ApplicationCommandOptionSubCommandGroup && depth >= 1) {
				return errf(400, 50035, "Invalid Form Body: %s: Sub-commands nested too deeply", at)
			}
			if e := checkOptions(at, o.Options, depth+1); e != nil {
				return e
			}
			continue
		}
		if o.Required && optional {
			return errf(400, 50035, "Invalid Form Body: %s.required: Required options must be placed before non-required options", at)
		}
		if !o.Required {
			optional = true
		}
	}
	return nil
}
