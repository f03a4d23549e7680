package feeds

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBoilerplateDataLoads(t *testing.T) {
	b, err := loadBoilerplate(boilerplateData)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.lines) == 0 || len(b.prefixes) == 0 || len(b.captions) == 0 || len(b.sections) == 0 || len(b.patterns) == 0 || len(b.credits) == 0 {
		t.Fatal("a section of data/boilerplate.txt is empty")
	}
	if _, err := loadBoilerplate("[pattern]\n(unclosed\n"); err == nil {
		t.Error("bad regexp accepted")
	}
}

func TestCleanRemovesBoilerplate(t *testing.T) {
	const lead = "Government aircraft struck a market in the northern town on Thursday, killing at least 12 people, a monitoring group said."
	const more = "The group said the toll was likely to rise as rescuers searched the rubble of two collapsed buildings near the mosque."
	tests := []struct {
		name  string
		title string
		in    []string
		want  []string
	}{
		{"share and advertisement lines", "", []string{"Share", lead, "ADVERTISEMENT", more, "Leave a Reply"}, []string{lead, more}},
		{"cookie banner and related list", "", []string{lead, "You might also like", "Rebels shell city outskirts", "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. Accept Read More"}, []string{lead}},
		{"recommended reads list up to the end", "", []string{lead, more, "Recommended Reads:", "-", "Daily Wire: Aid convoy reaches besieged town", "-", "Evening Post: Talks stall in Geneva"}, []string{lead, more}},
		{"prose resumes after a related list", "", []string{lead, "Related", "Aid convoy reaches town", more}, []string{lead, more}},
		{"marked photo captions", "", []string{"File pic - Smoke over the eastern city during an offensive", lead, "Photo: Rescuers search rubble in the old city (AFP)", more}, []string{lead, more}},
		{"byline and timestamp lines", "", []string{"27/11/2017 08:46 by admin", "By Jane Doe and Omar Haddad, Reuters", lead, "Published: March 3, 2024 10:15 GMT", "November 28, 2017", more, "3 min read"}, []string{lead, more}},
		{"trailing agency credits", "", []string{lead, more, "-Reuters, TAAN"}, []string{lead, more}},
		{"trailing short credit", "", []string{lead, more, "- IT"}, []string{lead, more}},
		{"agency in parentheses", "", []string{lead, "(Reuters)"}, []string{lead}},
		{"headline repeated with site name", "Strikes kill 12 in market town", []string{"Strikes kill 12 in market town • The Daily Monitor", "Strikes kill 12 in market town", lead}, []string{lead}},
		{"prose starting like a byline kept", "", []string{"By Thursday evening the army had retaken the bridge and two nearby villages, state media reported.", lead}, []string{"By Thursday evening the army had retaken the bridge and two nearby villages, state media reported.", lead}},
		{"a dash inside prose kept", "", []string{lead, "- Aleppo, Idlib and Hama provinces saw the heaviest fighting of the week, according to the monitor's daily tally of clashes."}, []string{lead, "- Aleppo, Idlib and Hama provinces saw the heaviest fighting of the week, according to the monitor's daily tally of clashes."}},
		{"sentence mentioning cookies kept", "", []string{"Residents said they had no bread, and children were given biscuits and cookies sent by a charity from Turkey last week."}, []string{"Residents said they had no bread, and children were given biscuits and cookies sent by a charity from Turkey last week."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := defaultBoilerplate.Clean(tt.title, tt.in)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"paragraph tags", "<p>Troops entered the town.</p><p>Residents fled  north.</p>", []string{"Troops entered the town.", "Residents fled north."}},
		{"br breaks", "Troops entered the town.<br><br>Residents fled north.<br/>Aid arrived.", []string{"Troops entered the town.", "Residents fled north.", "Aid arrived."}},
		{"entities and inline tags", "<p>Talks in <b>Gen&egrave;ve</b>&nbsp;&amp; <a href='#'>Vienna</a></p>", []string{"Talks in Genève & Vienna"}},
		{"scripts, forms and captions dropped", `<div><script>var x=1</script><p>Shelling resumed.</p><figure><img src=a.jpg><figcaption>Smoke over the city</figcaption></figure><form><button>Share</button></form></div>`, []string{"Shelling resumed."}},
		{"plain text with blank lines", "First paragraph\nwraps here.\n\nSecond paragraph.", []string{"First paragraph wraps here.", "Second paragraph."}},
		{"plain text one paragraph a line", "First line.\nSecond line.", []string{"First line.", "Second line."}},
		{"list items", "<ul><li>Aleppo</li><li>Idlib</li></ul>", []string{"Aleppo", "Idlib"}},
		{"empty", "   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Paragraphs(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, base, want string }{
		{"HTTPS://News.Example.COM/World/Story?utm_source=rss&utm_medium=feed&id=7#comments", "", "https://news.example.com/World/Story?id=7"},
		{"http://news.example:80/a?fbclid=x&gclid=y&mc_cid=1&mc_eid=2&ref=home", "", "http://news.example/a"},
		{"https://news.example:443", "", "https://news.example/"},
		{"/2024/03/01/talks", "https://news.example/world/", "https://news.example/2024/03/01/talks"},
		{"https://news.example/a?b=2&a=1", "", "https://news.example/a?b=2&a=1"},
		{"  https://news.example/a?UTM_Campaign=x  ", "", "https://news.example/a"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in, tt.base); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParagraphs(f *testing.F) {
	for _, s := range []string{"<p>a</p><p>b</p>", "a<br>b", "plain\n\ntext", "<div><script>x</script>", "&amp;&nbsp;<b>x", "<p>Share</p><p>Advertisement</p>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		paras := Paragraphs(s)
		for _, p := range paras {
			if p == "" || p != strings.TrimSpace(p) || strings.Contains(p, "\n") {
				t.Fatalf("bad paragraph %q from %q", p, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(p) {
				t.Fatalf("invalid UTF-8 out of valid input: %q", p)
			}
		}
		cleaned := defaultBoilerplate.Clean("", paras)
		if len(cleaned) > len(paras) {
			t.Fatal("cleaning added paragraphs")
		}
	})
}
