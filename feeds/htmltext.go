package feeds

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Paragraphs turns item or page HTML into plain-text paragraphs: block
// elements and <br> end a paragraph, whitespace inside one collapses to a
// single space, and elements that carry no prose (scripts, forms,
// navigation, figure captions) are dropped. Text without block markup is
// split on blank lines, or on line breaks when it has no blank lines.
func Paragraphs(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if !hasBlockMarkup(s) {
		var out []string
		for _, part := range splitPlain(s) {
			if p := inlineText(part); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, DataAtom: atom.Body, Data: "body"})
	if err != nil {
		return nil
	}
	w := &paraWriter{}
	for _, n := range nodes {
		w.walk(n)
	}
	w.flush()
	return w.out
}

var blockTag = regexp.MustCompile(`(?i)<(p|br|div|li|h[1-6]|blockquote|tr|table|section|article|pre|ul|ol|dl|dd|dt|hr|figure|header|footer|main)[\s/>]`)

func hasBlockMarkup(s string) bool { return blockTag.MatchString(s) }

var blankLine = regexp.MustCompile(`\r?\n[ \t\x{00A0}]*\r?\n`)

func splitPlain(s string) []string {
	if blankLine.MatchString(s) {
		return blankLine.Split(s, -1)
	}
	return strings.Split(s, "\n")
}

// inlineText renders a fragment with no block markup: entities decoded,
// tags dropped, whitespace collapsed.
func inlineText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return collapseSpace(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, DataAtom: atom.Body, Data: "body"})
	if err != nil {
		return collapseSpace(s)
	}
	w := &paraWriter{}
	for _, n := range nodes {
		w.walk(n)
	}
	w.flush()
	return strings.Join(w.out, " ")
}

type paraWriter struct {
	cur strings.Builder
	out []string
}

func (w *paraWriter) flush() {
	if w.cur.Len() == 0 {
		return
	}
	if p := collapseSpace(w.cur.String()); p != "" {
		w.out = append(w.out, p)
	}
	w.cur.Reset()
}

func (w *paraWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipElement(n) {
			// An inline skip (an icon, a form field) still separates words.
			w.cur.WriteByte(' ')
			return
		}
		if n.DataAtom == atom.Br || n.DataAtom == atom.Hr {
			w.flush()
			return
		}
		if n.DataAtom == atom.Img {
			w.cur.WriteByte(' ')
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && isBlock(n.DataAtom)
	if block {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.flush()
	} else if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
		w.cur.WriteByte(' ')
	}
}

func skipElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Object,
		atom.Embed, atom.Svg, atom.Math, atom.Form, atom.Button, atom.Select, atom.Textarea,
		atom.Input, atom.Nav, atom.Figcaption, atom.Head, atom.Audio, atom.Video, atom.Canvas:
		return true
	}
	if n.Data == "svg" || n.Data == "math" {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "hidden" || a.Key == "aria-hidden" && a.Val == "true" {
			return true
		}
	}
	return false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Tr, atom.Table, atom.Section, atom.Article, atom.Pre, atom.Ul,
		atom.Ol, atom.Dl, atom.Dd, atom.Dt, atom.Figure, atom.Header, atom.Footer, atom.Main,
		atom.Aside, atom.Address, atom.Details, atom.Summary, atom.Caption, atom.Body, atom.Html:
		return true
	}
	return false
}

// collapseSpace folds every run of Unicode space (no-break spaces
// included) to one space, drops invisible characters and trims the ends.
func collapseSpace(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' || r == '\u00ad' {
			continue // invisible: zero-width space, BOM, soft hyphen
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// wordCount counts whitespace-separated words.
func wordCount(paras []string) int {
	n := 0
	for _, p := range paras {
		n += countWords(p)
	}
	return n
}

// countWords is len(strings.Fields(s)) without building the slice.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// isCollapsed is the fast path of collapseSpace: printable ASCII with
// single inner spaces needs no copy.
func isCollapsed(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x7f || c < ' ' {
			return false
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
	}
	return true
}
