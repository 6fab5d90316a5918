//go:build !unix

package store

import "github.com/kaohe/kaohe/internal/storetest"

// unixChildren is empty here: the large-file test that starts its child
// runs on Unix only.
func unixChildren() storetest.Children { return nil }
