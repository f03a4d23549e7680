package discord

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"syscall"
	"time"

	"github.com/bwmarrin/discordgo"
)

// maxRetryAfter caps how long one rate limit may hold a request; a longer
// one fails the request rather than stalling a delivery for minutes.
const maxRetryAfter = 2 * time.Minute

// call runs one Discord request with the bot's context, retrying rate
// limits (after retry_after), 5xx answers and network errors with
// exponential backoff, at most opt.Retries times. discordgo retries only 502
// and retries 429 without bound, so both are turned off in New and handled
// here.
func (b *Bot) call(ctx context.Context, do func([]discordgo.RequestOption) error) error {
	ctx, stop := mergeContext(ctx, b.ctx)
	defer stop()
	opts := []discordgo.RequestOption{discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false), discordgo.WithRestRetries(0)}
	backoff := b.opt.RetryBase
	var err error
	for attempt := 0; ; attempt++ {
		err = do(opts)
		if err == nil || ctx.Err() != nil {
			if ctx.Err() != nil && err != nil {
				return errors.Join(ctx.Err(), err)
			}
			return err
		}
		wait, retry := retryable(err)
		if !retry || attempt >= b.opt.Retries {
			return err
		}
		if wait == 0 {
			wait = backoff
			backoff *= 2
			if backoff > 30*time.Second {
				backoff = 30 * time.Second
			}
		}
		if wait > maxRetryAfter {
			return err
		}
		b.log.Debug("discord: retrying", "after", wait, "err", err)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return errors.Join(ctx.Err(), err)
		case <-t.C:
		}
	}
}

// retryable says whether a failed request may succeed if sent again, and
// how long Discord asked to wait.
func retryable(err error) (time.Duration, bool) {
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) {
		wait := rl.RetryAfter
		if wait <= 0 {
			wait = time.Second
		}
		return wait, true
	}
	var rest *discordgo.RESTError
	if errors.As(err, &rest) {
		return 0, rest.Response != nil && rest.Response.StatusCode >= 500
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return 0, true
	}
	return 0, errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET)
}

// restCode returns Discord's JSON error code and the HTTP status of err.
func restCode(err error) (code, status int) {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) {
		if rest.Message != nil {
			code = rest.Message.Code
		}
		if rest.Response != nil {
			status = rest.Response.StatusCode
		}
	}
	return code, status
}

// channelLost reports whether err says the channel is gone or the bot may
// not post there: retrying cannot help, the schedule must be disabled.
func channelLost(err error) (string, bool) {
	code, status := restCode(err)
	switch code {
	case discordgo.ErrCodeUnknownChannel:
		return "the channel was deleted (Unknown Channel)", true
	case discordgo.ErrCodeMissingAccess:
		return "the bot cannot see the channel (Missing Access)", true
	case discordgo.ErrCodeMissingPermissions:
		return "the bot lacks permission to post there (Missing Permissions)", true
	case discordgo.ErrCodeCannotExecuteActionOnThisChannelType:
		return "the bot cannot post in this kind of channel", true
	}
	switch status {
	case http.StatusNotFound:
		return "the channel was not found", true
	case http.StatusForbidden:
		return "the bot is not allowed to post there", true
	}
	return "", false
}

// mergeContext is cancelled when either parent is.
func mergeContext(a, b context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(a)
	stop := context.AfterFunc(b, cancel)
	return ctx, func() { stop(); cancel() }
}
