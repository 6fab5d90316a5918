package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// ? shows the keys of the screen in front.
func TestHelpFollowsTheScreen(t *testing.T) {
	h := newHarness(t)
	h.keys("b s ?")
	h.mustContain("导出 Excel", "按 ? 或 esc 关闭帮助")
	if strings.Contains(h.screen(), "下一未记录") {
		t.Error("the summary's help lists the workbench's keys")
	}
	h.keys("esc b ?")
	h.mustContain("新建", "汇总排名")
}

// At 80×24 the help lists every key of the workbench, in both languages.
func TestHelpListsEveryKeyAt80x24(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		h := newHarness(t, withLang(lang))
		h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		h.keys("?")
		screen := h.screen()
		for _, g := range h.m.wb.fullHelp() {
			for _, b := range g {
				if hb := b.Help(); !strings.Contains(screen, hb.Key+" ") || !strings.Contains(screen, hb.Desc) {
					t.Errorf("%s: help lacks %q %q:\n%s", lang, hb.Key, hb.Desc, screen)
				}
			}
		}
	}
}
