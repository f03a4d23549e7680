package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-bot/sitrep/briefing/translit"
)

// Token kinds.
const (
	Word   = iota // letters, possibly with digits, hyphens, apostrophes, dots
	Digits        // a numeral: "63", "1,300", "1.5"
	Punct         // one punctuation rune
)

// A Token is one word, numeral or punctuation mark of a sentence.
type Token struct {
	Text  string // as written
	Norm  string // lower-case, curly quotes folded, possessive "'s" removed
	Start int    // byte offset in the string tokenised
	End   int
	Kind  int
}

// Is reports whether the token's normal form is one of words.
func (t Token) Is(words ...string) bool {
	for _, w := range words {
		if t.Norm == w {
			return true
		}
	}
	return false
}

// Capitalised reports whether the token starts with an upper-case letter.
func (t Token) Capitalised() bool {
	if t.Text != "" && t.Text[0] < utf8.RuneSelf {
		return 'A' <= t.Text[0] && t.Text[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the ASCII case first,
// as most copy is ASCII.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Tokenize splits s into tokens. A hyphen, apostrophe or dot inside a word
// stays in it ("al-Moualem", "Russia's", "U.S.", "1.5"), as does a comma
// between digits ("1,300").
func Tokenize(s string) []Token {
	return AppendTokens(make([]Token, 0, len(s)/5+1), s)
}

// AppendTokens appends the tokens of s to toks, as Tokenize splits them, so
// a caller tokenising many sentences can keep them in one slice.
func AppendTokens(toks []Token, s string) []Token {
	// One lower-cased copy of s serves every word's normal form, so
	// capitalised words cost no allocation of their own.
	lower := translit.ASCIILower(s)
	i := 0
	for i < len(s) {
		r, n := decodeRune(s, i)
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, Token{Text: s[i : i+n], Norm: foldQuote(s[i : i+n]), Start: i, End: i + n, Kind: Punct})
			i += n
			continue
		}
		start := i
		allDigits := true
		for i < len(s) {
			r, n := decodeRune(s, i)
			if isWordRune(r) {
				if !unicode.IsDigit(r) {
					allDigits = false
				}
				i += n
				continue
			}
			next := rune(0)
			if i+n < len(s) {
				next, _ = decodeRune(s, i+n)
			}
			switch {
			case (r == '-' || r == '\'' || r == '’' || r == '‐' || r == '‑') && isWordRune(next):
				allDigits = false
				i += n
				continue
			case r == '.' && isWordRune(next):
				i += n
				continue
			case r == ',' && allDigits && unicode.IsDigit(next) && commaGroup(s[i+1:]):
				i += n
				continue
			case r == '.' && isInitialism(s[start:i]):
				// "U.S." keeps its final dot; "U.S.-led" continues.
				i += n
				if next == '-' {
					continue
				}
			}
			break
		}
		text := s[start:i]
		kind := Word
		if allDigits || isDecimal(text) {
			kind = Digits
		}
		toks = append(toks, Token{Text: text, Norm: normWordIn(text, lower[start:i]), Start: start, End: i, Kind: kind})
	}
	return toks
}

// commaGroup reports whether s starts with exactly three digits, as a
// thousands group does.
func commaGroup(s string) bool {
	if len(s) < 3 {
		return false
	}
	for j := 0; j < 3; j++ {
		if s[j] < '0' || s[j] > '9' {
			return false
		}
	}
	return len(s) == 3 || s[3] < '0' || s[3] > '9'
}

func isDecimal(s string) bool {
	dot := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', c == ',':
		case c == '.' && !dot && i > 0 && i < len(s)-1:
			dot = true
		default:
			return false
		}
	}
	return len(s) > 0
}

// isInitialism reports whether s looks like "U.S" or "U.N" or "D.C": single
// letters separated by dots.
func isInitialism(s string) bool {
	if len(s) < 3 || !strings.Contains(s, ".") {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

var quoteFolder = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "«", "\"", "»", "\"", "–", "-", "—", "-", "‐", "-", "‑", "-")

func foldQuote(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return quoteFolder.Replace(s)
		}
	}
	return s
}

// normWordIn is normWord for a word whose ASCII-lower-cased form is lower.
func normWordIn(s, lower string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return normWord(s)
		}
	}
	return trimPossessive(lower)
}

func trimPossessive(s string) string {
	if strings.HasSuffix(s, "'s") {
		return s[:len(s)-2]
	} else if strings.HasSuffix(s, "s'") {
		return s[:len(s)-1]
	}
	return s
}

func normWord(s string) string {
	s = foldQuote(s)
	lower := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			lower = false
			break
		}
	}
	if !lower {
		s = strings.ToLower(s)
	}
	return trimPossessive(s)
}
