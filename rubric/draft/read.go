package draft

import (
	"errors"
	"os"

	"github.com/kaohe/kaohe/internal/i18n"
)

// MaxTableBytes bounds a table file: the text of a rubric table is some
// tens of kilobytes, a whole document saved as text a few hundred.
const MaxTableBytes = 8 << 20

// ReadTable reads a table file, refusing without reading it one that is not
// a regular file (a named pipe would be waited on, a device read forever)
// or is larger than MaxTableBytes. Errors name the path.
func ReadTable(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, i18n.Errorf("%s: cannot read the table: %s", path, errors.Unwrap(err).Error())
	}
	if !st.Mode().IsRegular() {
		return nil, i18n.Errorf("%s: not a regular file; a rubric table is a text file (.txt)", path)
	}
	if st.Size() > MaxTableBytes {
		return nil, i18n.Errorf("%s: too big for a rubric table: %d bytes (at most %d); save only the table as text", path, st.Size(), MaxTableBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, i18n.Errorf("%s: cannot read the table: %s", path, errors.Unwrap(err).Error())
	}
	return data, nil
}
