package discordtest

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opResume         = 6
	opReconnect      = 7
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatACK   = 11
)

type frame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s,omitempty"`
	T  string          `json:"t,omitempty"`
}

// gwSession is one gateway session: what a RESUME continues.
type gwSession struct {
	id     string
	seq    int64
	events [][]byte // dispatches by sequence, for replay on resume
	conn   *gwConn
}

type gwConn struct {
	ws       *websocket.Conn
	wmu      sync.Mutex
	compress bool
	session  *gwSession
}

func (c *gwConn) write(data []byte, compress bool) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	if compress {
		// Discord compresses large payloads such as READY with zlib when
		// IDENTIFY asked for compress; discordgo inflates binary frames.
		var b bytes.Buffer
		zw := zlib.NewWriter(&b)
		_, _ = zw.Write(data)
		_ = zw.Close()
		return c.ws.WriteMessage(websocket.BinaryMessage, b.Bytes())
	}
	return c.ws.WriteMessage(websocket.TextMessage, data)
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// serveGateway runs one gateway connection: HELLO, then IDENTIFY or RESUME,
// then heartbeats until the connection drops.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("encoding") != "" && q.Get("encoding") != "json" {
		http.Error(w, "only encoding=json is served", http.StatusBadRequest)
		return
	}
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwConn{ws: ws}
	s.mu.Lock()
	s.conns[c] = true
	s.mu.Unlock()
	var readErr error
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		if c.session != nil && c.session.conn == c {
			c.session.conn = nil
			// A client that closes normally ends its session, as on Discord;
			// one that drops can resume.
			if websocket.IsCloseError(readErr, websocket.CloseNormalClosure, websocket.CloseGoingAway) {
				delete(s.sessions, c.session.id)
			}
		}
		s.broadcast()
		s.mu.Unlock()
		ws.Close()
	}()

	hello, _ := json.Marshal(map[string]any{"heartbeat_interval": s.HeartbeatInterval.Milliseconds()})
	if err := c.write(mustFrame(frame{Op: opHello, D: hello}), false); err != nil {
		return
	}
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			readErr = err
			return
		}
		var f frame
		if json.Unmarshal(data, &f) != nil {
			_ = ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4002, "Decode error"), time.Now().Add(time.Second))
			return
		}
		switch f.Op {
		case opHeartbeat:
			_ = c.write(mustFrame(frame{Op: opHeartbeatACK}), false)
		case opIdentify:
			if !s.identify(c, f.D) {
				return
			}
		case opResume:
			if !s.resume(c, f.D) {
				return
			}
		default:
			// Presence updates and the like are accepted and ignored.
		}
	}
}

func mustFrame(f frame) []byte {
	b, _ := json.Marshal(f)
	return b
}

func (s *Server) identify(c *gwConn, d json.RawMessage) bool {
	var id struct {
		Token    string `json:"token"`
		Intents  int64  `json:"intents"`
		Compress bool   `json:"compress"`
	}
	_ = json.Unmarshal(d, &id)
	if id.Token != "Bot "+s.Token && id.Token != s.Token {
		_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."), time.Now().Add(time.Second))
		return false
	}
	const privileged = int64(discordgo.IntentGuildMembers | discordgo.IntentGuildPresences | discordgo.IntentMessageContent)
	if id.Intents&privileged != 0 {
		_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4014, "Disallowed intent(s)."), time.Now().Add(time.Second))
		return false
	}
	s.mu.Lock()
	c.compress = id.Compress
	sess := &gwSession{id: "sess-" + s.newID(), conn: c}
	c.session = sess
	s.sessions[sess.id] = sess
	var unavailable []map[string]any
	var guilds []*discordgo.Guild
	for _, g := range s.guilds {
		unavailable = append(unavailable, map[string]any{"id": g.ID, "unavailable": true})
		guilds = append(guilds, g)
	}
	ready := map[string]any{
		"v": 10, "session_id": sess.id, "resume_gateway_url": "ws://" + s.srv.Listener.Addr().String(),
		"user": s.botUser(), "guilds": unavailable, "private_channels": []any{},
		"application": map[string]any{"id": s.AppID, "flags": 0},
	}
	s.sendLocked(sess, "READY", ready)
	for _, g := range guilds {
		s.sendLocked(sess, "GUILD_CREATE", g)
	}
	s.broadcast()
	s.mu.Unlock()
	return true
}

func (s *Server) resume(c *gwConn, d json.RawMessage) bool {
	var rs struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	_ = json.Unmarshal(d, &rs)
	s.mu.Lock()
	sess := s.sessions[rs.SessionID]
	if sess == nil || (rs.Token != "Bot "+s.Token && rs.Token != s.Token) {
		s.mu.Unlock()
		no, _ := json.Marshal(false)
		_ = c.write(mustFrame(frame{Op: opInvalidSession, D: no}), false)
		return true
	}
	c.session = sess
	sess.conn = c
	for i := rs.Seq; i < int64(len(sess.events)); i++ {
		_ = c.write(sess.events[i], false)
	}
	sess.seq++
	seq := sess.seq
	resumed := mustFrame(frame{Op: opDispatch, T: "RESUMED", S: &seq, D: json.RawMessage(`{}`)})
	sess.events = append(sess.events, resumed)
	_ = c.write(resumed, false)
	s.broadcast()
	s.mu.Unlock()
	return true
}

// sendLocked appends a dispatch to a session and writes it to its
// connection, if it has one. Call with s.mu held.
func (s *Server) sendLocked(sess *gwSession, t string, d any) bool {
	data, _ := json.Marshal(d)
	sess.seq++
	seq := sess.seq
	f := mustFrame(frame{Op: opDispatch, T: t, S: &seq, D: data})
	sess.events = append(sess.events, f)
	if sess.conn == nil {
		return false
	}
	compress := sess.conn.compress && len(f) > 1024
	return sess.conn.write(f, compress) == nil
}

// dispatchLocked sends an event to every session and reports whether a live
// connection received it. Call with s.mu held.
func (s *Server) dispatchLocked(t string, d any) bool {
	live := false
	for _, sess := range s.sessions {
		if s.sendLocked(sess, t, d) {
			live = true
		}
	}
	return live
}

// Dispatch sends a gateway event to the bot.
func (s *Server) Dispatch(t string, d any) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dispatchLocked(t, d)
}

// Connected reports how many gateway connections have identified or resumed.
func (s *Server) Connected() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for c := range s.conns {
		if c.session != nil {
			n++
		}
	}
	return n
}

// Resumes counts RESUMED events sent, for tests of reconnection.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, sess := range s.sessions {
		for _, e := range sess.events {
			if bytes.Contains(e, []byte(`"t":"RESUMED"`)) {
				n++
			}
		}
	}
	return n
}

// DropGateway closes every gateway connection abruptly, as a network fault
// would; a client resumes.
func (s *Server) DropGateway() {
	s.mu.Lock()
	conns := make([]*gwConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.ws.Close()
	}
}
