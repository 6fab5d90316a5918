package draft

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kaohe/kaohe/internal/decimal"
)

// span is a byte range of a standard.
type span struct{ start, end int }

// clause is one deduction clause of a standard.
type clause struct {
	core span         // the words that say what is deducted
	full span         // core plus its own "最多扣N分", when it has one
	cap  *decimal.Dec // that own cap
}

// capScope is a "最多扣N分" that closes several clauses: the indicator's cap
// when they are all its clauses (or none are named), else a group cap.
type capScope struct {
	value   decimal.Dec
	text    string
	clauses []int // indices into the clauses; empty means the whole indicator
}

var (
	// capPhrase is a whole piece that caps what precedes it.
	capPhrase = regexp.MustCompile(`^(?:本项|此项|该项)?(?:合计|累计|总计|共计|共)?(?:` +
		`(?:最多|最高|至多|封顶)可?(?:扣|加)除?(` + num + `)分(?:为止|封顶)?|` +
		`扣分(?:不超过|上限为?|最多不超过)(` + num + `)分|` +
		`扣满(` + num + `)分为止|` +
		`(?:累计)?(?:加分)?加满(` + num + `)分为止|` +
		`(?:累计)?加分(?:不超过|最多|最高|上限为?)(` + num + `)分|` +
		`(?:扣分)?以(` + num + `)分为限)$`)
	// context is a piece that says how deductions end, not a deduction
	// (以上各项扣完为止，不计负分).
	context = regexp.MustCompile(`^(?:(?:以上|上述)?(?:各项|各条|各款)?(?:扣分)?扣完为止|不计负分|不得负分|不倒扣分?|不出现负分|最低(?:为|得)?0分)$`)
	// uncapped says deductions have no cap (扣分不封顶, 上不封顶, 不设上限):
	// a piece of context, which a penalty category without a cap models
	// and an indicator with points cannot (see uncappedWords).
	uncapped = regexp.MustCompile(`^(?:扣分|累计扣分)?(?:上不封顶|不封顶|不设上限|无上限)$`)
	// uncappedWords finds that wording anywhere in a standard.
	uncappedWords = regexp.MustCompile(`不封顶|不设上限|无上限`)
	// capLead opens a cap in a piece of its own (累计加分，加满5分为止).
	capLead = regexp.MustCompile(`^(?:累计加分|加分累计|累计扣分|扣分累计)$`)
	// statement states an item's points without deducting (得5分, 达到90%
	// 以上的得14分): context for the deductions after it, which it caps.
	statement = regexp.MustCompile(`^[^扣减加]*?(?:得|计|记)(` + num + `)分$`)
	// subCap is the points opening a parenthesis with its deductions
	// (（2分，少一次扣0.5分，扣完为止）): the cap of the clause it is in.
	subCap = regexp.MustCompile(`[（(](` + num + `)分[，,][^（()）]*扣[^（()）]*[)）]`)
	// untilEmpty ("扣完为止") caps at the indicator's points, the default.
	untilEmpty = regexp.MustCompile(`^(?:本项|此项|该项)?(?:分值|分数)?扣完(?:本项|此项|该项)?(?:分值|分数|为止)*$`)
	// deduction in a piece ends a clause; so does a word about the score
	// (确定得分), so that a sentence the patterns cannot read is put up for
	// review rather than dropped.
	deduction = regexp.MustCompile(`扣[^，；。、]{0,8}?分|减(?:` + num + `)分|扣减|扣除|加(?:` + num + `)(?:\s*[-－—~～至到]\s*(?:` + num + `))?分|折算|换算|得(?:` + num + `)?分|计分|记(?:` + num + `)分|酌情加分|视情加分|一票否决|单项否决|总得?分为(?:零|0)|线性|` + noScore)
	// deductionAtEnd ends a clause before a 、 (罚1张黄牌扣0.1分、罚1张红牌…).
	deductionAtEnd = regexp.MustCompile(`(?:扣(?:` + num + `)?分|[减加](?:` + num + `)分)$`)
	// numbering opens a numbered sentence of a standard (1. 2、 （3） ①).
	numbering = regexp.MustCompile(`^(?:[0-9０-９]{1,2}[.．、]|[（(][0-9０-９]{1,2}[)）]|[①-⑳])`)
)

const (
	openers  = "（(《“「【〔[‘"
	closers  = "）)》”」】〕]’"
	sentence = "；;。\n"
	phrase   = "，,、"
)

// piece is a part of a text between top-level separators.
type piece struct {
	span
	sep rune // the separator after it, 0 at the end
}

// splitTop splits s[sp] at the separators that are not inside brackets or
// quotes.
func splitTop(s string, sp span, seps string) []piece {
	var out []piece
	depth := 0
	start := sp.start
	for i := sp.start; i < sp.end; {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case strings.ContainsRune(openers, r):
			depth++
		case strings.ContainsRune(closers, r):
			if depth > 0 {
				depth--
			}
		case depth == 0 && strings.ContainsRune(seps, r):
			out = append(out, piece{span{start, i}, r})
			start = i + size
		}
		i += size
	}
	return append(out, piece{span{start, sp.end}, 0})
}

// trim narrows sp to exclude surrounding white space.
func trim(s string, sp span) span {
	for sp.start < sp.end {
		r, size := utf8.DecodeRuneInString(s[sp.start:])
		if !unicode.IsSpace(r) {
			break
		}
		sp.start += size
	}
	for sp.end > sp.start {
		r, size := utf8.DecodeLastRuneInString(s[:sp.end])
		if !unicode.IsSpace(r) {
			break
		}
		sp.end -= size
	}
	return sp
}

// splitStandard finds the deduction clauses of a 评分标准 and the caps that
// close them. Sentences (split at ；。) without a deduction, such as "结合…
// 通知进行考核", are the basis of the assessment, not clauses.
func splitStandard(std string) ([]clause, []capScope) {
	var clauses []clause
	var caps []capScope
	for _, seg := range splitTop(std, span{0, len(std)}, sentence) {
		sp := trim(std, seg.span)
		if loc := numbering.FindStringIndex(std[sp.start:sp.end]); loc != nil {
			sp.start += loc[1]
		}
		if sp.start >= sp.end {
			continue
		}
		// A table of score bands (达到100%的得满分，90%-100%得3分，…) is one
		// clause: its pieces are its bands.
		whole := withoutSpaces(strings.TrimRight(std[sp.start:sp.end], "，,"))
		if _, _, ok := bandsOf(whole, false); ok {
			clauses = append(clauses, clause{core: sp, full: sp})
			continue
		}
		if _, _, ok := bandsOf(whole, true); ok {
			clauses = append(clauses, clause{core: sp, full: sp})
			continue
		}
		// An escalation (第一起扣2分，每多一起加倍扣分) is one clause: its
		// first deduction is not a count on its own.
		if escalating.MatchString(whole) {
			clauses = append(clauses, clause{core: sp, full: sp})
			continue
		}
		// 高于90%的按线性内插赋分 after 低于（含）90%不得分 is one linear
		// clause with it.
		if strings.Contains(whole, "线性") && len(clauses) > 0 && len(caps) == 0 {
			prev := &clauses[len(clauses)-1]
			if prev.cap == nil && noScoreAtEnd.MatchString(withoutSpaces(std[prev.core.start:prev.core.end])) && sp.start-prev.core.end <= len("；") {
				prev.core.end, prev.full.end = sp.end, sp.end
				continue
			}
		}
		open := -1              // start of the clause being read, or -1
		var since []int         // clauses of this sentence since its last cap
		var stated *decimal.Dec // points a statement (得5分) gives the clauses after it
		statedAt := -1          // the clause count when it was stated
		for _, p := range splitTop(std, sp, phrase) {
			ps := trim(std, p.span)
			text := std[ps.start:ps.end]
			if text == "" {
				continue
			}
			if capLead.MatchString(withoutSpaces(text)) && open < 0 {
				continue
			}
			if context.MatchString(withoutSpaces(text)) || uncapped.MatchString(withoutSpaces(text)) {
				if open < 0 {
					closeStated(&clauses, &caps, stated, statedAt)
					stated, statedAt, since = nil, -1, nil
				}
				continue
			}
			if m := statement.FindStringSubmatch(withoutSpaces(text)); m != nil && !strings.Contains(text, "不得分") {
				if v, ok := parseNumber(m[1]); ok {
					closeStated(&clauses, &caps, stated, statedAt)
					stated, statedAt = &v, len(clauses)
					if open < 0 {
						open = ps.start
					}
					continue
				}
			}
			if m := capPhrase.FindStringSubmatch(withoutSpaces(text)); m != nil {
				v, ok := parseNumber(strings.Join(m[1:], ""))
				if ok && open < 0 {
					switch len(since) {
					case 1:
						c := &clauses[since[0]]
						c.cap = &v
						c.full.end = ps.end
					default:
						caps = append(caps, capScope{value: v, text: text, clauses: since})
					}
				}
				open, since = -1, nil
				continue
			}
			if untilEmpty.MatchString(withoutSpaces(text)) {
				if open >= 0 && stated != nil && statedAt == len(clauses) {
					// 得5分，扣完为止 with nothing deducted between: keep it.
					end := span{open, ps.end}
					clauses = append(clauses, clause{core: end, full: end})
				}
				closeStated(&clauses, &caps, stated, statedAt)
				open, since, stated, statedAt = -1, nil, nil, -1
				continue
			}
			if open < 0 {
				open = ps.start
			}
			ends := deduction.MatchString(text)
			if p.sep == '、' {
				ends = deductionAtEnd.MatchString(text)
			}
			if ends {
				sp := span{open, ps.end}
				clauses = append(clauses, clause{core: sp, full: sp})
				since = append(since, len(clauses)-1)
				open = -1
			}
		}
		// A sentence that trails off with a 扣 in it is a clause the patterns
		// may not read, never silently dropped; so is a statement of points
		// no deduction followed.
		if open >= 0 && (strings.Contains(std[open:sp.end], "扣") || scoreFigures.MatchString(withoutSpaces(std[open:sp.end])) ||
			(stated != nil && statedAt == len(clauses))) {
			end := trim(std, span{open, sp.end})
			clauses = append(clauses, clause{core: end, full: end})
			stated = nil
		}
		closeStated(&clauses, &caps, stated, statedAt)
	}
	for i := range clauses {
		c := &clauses[i]
		if c.cap != nil {
			continue
		}
		if m := subCap.FindStringSubmatch(std[c.core.start:c.core.end]); m != nil {
			if v, ok := parseNumber(m[1]); ok {
				c.cap = &v
			}
		}
	}
	return clauses, caps
}

// scoreFigures is a score given with its figures apart from 分 (分别得60、57、54分).
var scoreFigures = regexp.MustCompile(`得[^，；。]{0,12}?[0-9０-９]+[^，；。]{0,24}?分`)

// escalating is a sentence whose deductions grow (加倍扣分, 追加扣除).
var escalating = regexp.MustCompile(`加倍扣|翻倍扣|追加扣`)

// noScoreAtEnd is a clause ending in 不得分.
var noScoreAtEnd = regexp.MustCompile(`(?:` + noScore + `)$`)

// closeStated caps the clauses read since a statement of points (得5分，每少
// 一次扣0.5分): one clause gets its own cap, several a shared one.
func closeStated(clauses *[]clause, caps *[]capScope, stated *decimal.Dec, from int) {
	if stated == nil || from < 0 || from >= len(*clauses) {
		return
	}
	if len(*clauses)-from == 1 {
		c := &(*clauses)[from]
		if c.cap == nil {
			v := *stated
			c.cap = &v
		}
		return
	}
	var idx []int
	for i := from; i < len(*clauses); i++ {
		idx = append(idx, i)
	}
	*caps = append(*caps, capScope{value: *stated, text: "得" + stated.String() + "分", clauses: idx})
}
