package feeds

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

var xmlDeclEncoding = regexp.MustCompile(`(?i)^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9._:-]+)(["'])`)

// xmlToUTF8 returns an XML body as UTF-8 with its declaration saying so, so
// the XML parser never has to guess. The rules, in order:
//
//   - a UTF-16 byte order mark wins;
//   - valid UTF-8 with non-ASCII bytes is UTF-8, whatever the declaration or
//     the Content-Type says (a real ISO-8859-1 text is almost never valid
//     UTF-8, while "ISO-8859-1" declared over UTF-8 is a common mistake);
//   - otherwise the declared encoding, else the Content-Type charset;
//   - bytes that are still not UTF-8 are read as windows-1252, the superset
//     of ISO-8859-1 that browsers use for both.
func xmlToUTF8(body []byte, contentType string) []byte {
	body = bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF"))
	if len(body) >= 2 && (body[0] == 0xFE && body[1] == 0xFF || body[0] == 0xFF && body[1] == 0xFE) {
		if out, err := decode(body, unicode.UTF16(unicode.BigEndian, unicode.UseBOM)); err == nil {
			return setXMLEncoding(out)
		}
	}
	head := body
	if len(head) > 512 {
		head = head[:512]
	}
	declared := ""
	if m := xmlDeclEncoding.FindSubmatch(head); m != nil {
		declared = string(m[2])
	}
	if utf8.Valid(body) {
		return setXMLEncoding(body)
	}
	label := declared
	if label == "" || isUTF8Label(label) {
		label = contentTypeCharset(contentType)
	}
	if label != "" && !isUTF8Label(label) {
		if enc, _ := charset.Lookup(label); enc != nil {
			if out, err := decode(body, enc); err == nil {
				return setXMLEncoding(out)
			}
		}
	}
	return setXMLEncoding(repairUTF8(body))
}

// htmlToUTF8 does the same for a web page, using the HTML rules for a
// declared charset (meta tags, Content-Type) when the bytes are not UTF-8.
func htmlToUTF8(body []byte, contentType string) []byte {
	body = bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF"))
	if utf8.Valid(body) {
		return body
	}
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if enc != nil && name != "utf-8" {
		if out, err := decode(body, enc); err == nil {
			return out
		}
	}
	return repairUTF8(body)
}

// repairUTF8 keeps valid UTF-8 sequences and reads every other byte as
// windows-1252, which fixes both wholly Latin-1 bodies and UTF-8 bodies
// with a few stray Latin-1 bytes pasted in.
func repairUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/8)
	dec := charmap.Windows1252
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			out = utf8.AppendRune(out, dec.DecodeByte(b[0]))
			b = b[1:]
			continue
		}
		out = append(out, b[:size]...)
		b = b[size:]
	}
	return out
}

func decode(b []byte, enc encoding.Encoding) ([]byte, error) {
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	return out, err
}

// setXMLEncoding rewrites the declaration's encoding to UTF-8 so the XML
// parser does not convert a second time.
func setXMLEncoding(b []byte) []byte {
	head := b
	if len(head) > 512 {
		head = head[:512]
	}
	m := xmlDeclEncoding.FindSubmatchIndex(head)
	if m == nil || isUTF8Label(string(b[m[4]:m[5]])) {
		return b
	}
	out := make([]byte, 0, len(b))
	out = append(out, b[:m[4]]...)
	out = append(out, "UTF-8"...)
	out = append(out, b[m[5]:]...)
	return out
}

func contentTypeCharset(ct string) string {
	if ct == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return ""
	}
	return params["charset"]
}

func isUTF8Label(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "utf-8" || s == "utf8" || s == "unicode-1-1-utf-8"
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
