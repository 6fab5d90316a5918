package draft

import (
	"fmt"

	"github.com/kaohe/kaohe/rubric"
)

// WriteYAML renders a draft in the layout of rubric/default.yaml
// (rubric.MarshalYAML), under a header that says it is a draft and how many
// rules are marked for review. The result loads back into the same rubric.
func WriteYAML(rb *rubric.Rubric) []byte {
	header := fmt.Sprintf("%s — drafted by `kaohe rubric draft`.\n", rb.Title)
	if n := len(rb.Reviews()); n > 0 {
		header += fmt.Sprintf("Rules marked `review:` (%d): check each against the table, fix it, delete the review line.\n", n)
	}
	header += "Editing the content of a rubric in use means giving it a new version."
	return rubric.MarshalYAML(rb, header)
}
