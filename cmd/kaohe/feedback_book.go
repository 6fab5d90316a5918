package main

import (
	"time"

	"github.com/kaohe/kaohe/internal/i18n"
	"github.com/kaohe/kaohe/store"
	"github.com/spf13/cobra"
)

func checkFeedbackDir(dir string, sts []*store.State, force bool) error { return nil }

func writeFeedbackWorkbook(dir string, st *store.State, all []*store.State, l *i18n.Labels, now time.Time, force bool) (string, error) {
	return "", nil
}

func (a *app) appealImportCmd() *cobra.Command {
	return &cobra.Command{Use: "import FILE.xlsx", Short: "Read a unit's appeals from its returned 反馈 workbook", Args: cobra.ExactArgs(1)}
}
