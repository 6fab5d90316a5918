package tui

import (
	"reflect"
	"strings"
	"testing"
)

// Every sentence of the workbench exists in both languages, and the
// English ones use ASCII punctuation.
func TestWordsInBothLanguages(t *testing.T) {
	zh, en := reflect.ValueOf(*wordsFor("zh")), reflect.ValueOf(*wordsFor("en"))
	for i := 0; i < zh.NumField(); i++ {
		name := zh.Type().Field(i).Name
		if zh.Field(i).String() == "" || en.Field(i).String() == "" {
			t.Errorf("%s is missing in one language", name)
		}
		if strings.ContainsAny(en.Field(i).String(), "：，。（）？") {
			t.Errorf("English %s has Chinese punctuation: %q", name, en.Field(i).String())
		}
	}
}

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
