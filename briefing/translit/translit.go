// Package translit turns the many Latin spellings of one Arabic, Persian or
// Russian name into one key, so that "Moualem", "Muallem" and "Moallem", or
// "Raqqa", "Raqa" and "Ar-Raqqah", are recognised as the same name.
//
// It is written by hand because no maintained library romanises in reverse:
// the key is a consonant skeleton after folding the letters that
// transliteration schemes disagree on.
package translit

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// articlePrefixes are the forms of the Arabic article that news copy writes
// before a name and sometimes leaves out.
var articlePrefixes = []string{"al", "el", "ar", "er", "ad", "ed", "as", "es", "ash", "at", "et", "az", "ez", "an", "en", "ul"}

// digraphs fold letters that schemes spell differently to one letter.
var digraphs = strings.NewReplacer(
	"kh", "h", "gh", "g", "sh", "s", "ch", "s", "th", "t", "dh", "d", "zh", "z",
	"ph", "f", "ck", "k", "q", "k", "c", "k", "x", "ks", "j", "g", "p", "b", "v", "f", "'", "", "`", "",
	"\u2019", "", "\u2018", "",
)

// Key returns the comparison key of a name: the consonant skeleton of each
// word, lower-case and without diacritics, Arabic articles and honorific
// spacing. Two spellings of one name usually share a key; different names
// rarely do, so callers compare keys together with other evidence (role,
// country, day).
func Key(name string) string {
	keys.Lock()
	k, ok := keys.m[name]
	keys.Unlock()
	if ok {
		return k
	}
	k = key(name)
	keys.Lock()
	if len(keys.m) >= keyCacheSize {
		clear(keys.m) // names recur within hours, so a fresh start loses little
	}
	keys.m[name] = k
	keys.Unlock()
	return k
}

// keyCacheSize bounds the names whose keys are remembered.
const keyCacheSize = 1 << 15

// keys remembers recent keys: matching a report against its candidate
// stories asks for the keys of the same few names many times, and folding
// and skeletonising costs about a microsecond and a half a name.
var keys = struct {
	sync.Mutex
	m map[string]string
}{m: make(map[string]string, keyCacheSize)}

func key(name string) string {
	words := Words(name)
	var b strings.Builder
	for _, w := range words {
		k := wordKey(w)
		if k == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k)
	}
	return b.String()
}

// Words splits a name into lower-case words without diacritics, dropping the
// Arabic article whether it is joined by a hyphen ("al-Raqqa"), written apart
// ("Al Raqqa") or assimilated ("Ezzor").
func Words(name string) []string {
	s := Fold(name)
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !IsApostrophe(r)
	})
	out := fields[:0]
	for i, f := range fields {
		f = stripApostrophes(f)
		if f == "" || isArticle(f) && i+1 < len(fields) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// IsApostrophe reports whether r is one of the marks romanisations write
// for the Arabic ayn and hamza or as an apostrophe ("Dar'a", "Ma`arrat",
// "Taʿizz"). They sit inside a word and are dropped from keys, since one
// spelling writes them and the next leaves them out.
func IsApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '\u2018', '\u2019', '\u02bb', '\u02bc', '\u02be', '\u02bf', '\u00b4':
		return true
	}
	return false
}

func stripApostrophes(w string) string {
	if strings.IndexFunc(w, IsApostrophe) < 0 {
		return w
	}
	return strings.Map(func(r rune) rune {
		if IsApostrophe(r) {
			return -1
		}
		return r
	}, w)
}

// Fold lower-cases s and removes diacritics ("Ḥimṣ" → "hims"). Plain ASCII,
// most of what it is given, is only lower-cased.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	t := folders.Get().(transform.Transformer)
	defer folders.Put(t)
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	return strings.ToLower(folded)
}

// folders pools the diacritic-removing transformers: building one costs more
// than using it, and one may not be shared between goroutines.
var folders = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

func isArticle(w string) bool {
	for _, p := range articlePrefixes {
		if w == p {
			return true
		}
	}
	return false
}

func isVowel(r byte) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
		return true
	}
	return false
}

func wordKey(w string) string {
	w = digraphs.Replace(w)
	// An assimilated article: "ezzor", "assad", "ashsham" lose the vowel
	// and the doubled sun letter becomes one.
	if len(w) > 3 && (w[0] == 'a' || w[0] == 'e') && w[1] == w[2] && !isVowel(w[1]) {
		w = w[2:]
	}
	// A final h after a vowel is a transliterated ta marbuta: "Raqqah", "Hamah".
	if len(w) > 2 && w[len(w)-1] == 'h' && isVowel(w[len(w)-2]) {
		w = w[:len(w)-1]
	}
	var b strings.Builder
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if isVowel(c) && i > 0 {
			continue
		}
		if c == last {
			continue
		}
		b.WriteByte(c)
		last = c
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// ASCIILower lower-cases the ASCII letters of s, leaving other bytes as
// they are, so byte offsets into s hold in the result.
func ASCIILower(s string) string {
	i := 0
	for i < len(s) && !(s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
