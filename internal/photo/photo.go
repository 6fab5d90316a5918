// Package photo reads what a photo's EXIF data says about when and where it
// was taken, for evidence files (佐证材料). It uses github.com/dsoprea/go-exif
// and reads only the head of the file, so a 200 MB scan costs nothing.
package photo

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	exif "github.com/dsoprea/go-exif/v3"
	exifcommon "github.com/dsoprea/go-exif/v3/common"
)

// headSize is how much of a file is searched for EXIF data: JPEG keeps it
// in its first segment (at most 64 KB); TIFF-based formats near the start.
const headSize = 256 << 10

// Info is what a photo says about itself.
type Info struct {
	// Taken is the capture time as the camera wrote it
	// ("2021:06:01 10:22:33" becomes "2021-06-01 10:22:33"); "" if absent.
	Taken string
	// GPS is "lat,lon" in decimal degrees (6 places, south and west
	// negative); "" if absent.
	GPS string
}

// Read returns the capture time and position recorded in a file's EXIF
// data. A file without EXIF (a PDF, a PNG screenshot) gives an empty Info
// and no error; damaged EXIF is treated the same, since a photo's metadata
// is a courtesy, never a reason to refuse the file.
func Read(path string) (Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return Info{}, err
	}
	defer f.Close()
	head := make([]byte, headSize)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Info{}, err
	}
	return Parse(head[:n]), nil
}

// Parse reads EXIF from the first bytes of a file.
func Parse(head []byte) (info Info) {
	defer func() {
		if recover() != nil { // the library panics on some damaged data
			info = Info{}
		}
	}()
	raw, err := exif.SearchAndExtractExif(head)
	if err != nil {
		return Info{}
	}
	im, err := exifcommon.NewIfdMappingWithStandard()
	if err != nil {
		return Info{}
	}
	_, index, err := exif.Collect(im, exif.NewTagIndex(), raw)
	if err != nil {
		return Info{}
	}
	for _, path := range []string{"IFD/Exif", "IFD"} {
		ifd, ok := index.Lookup[path]
		if !ok {
			continue
		}
		for _, name := range []string{"DateTimeOriginal", "DateTime"} {
			if t := tagText(ifd, name); t != "" && info.Taken == "" {
				info.Taken = cameraTime(t)
			}
		}
	}
	if ifd, ok := index.Lookup["IFD/GPSInfo"]; ok {
		if gi, err := ifd.GpsInfo(); err == nil {
			lat, lon := gi.Latitude.Decimal(), gi.Longitude.Decimal()
			if lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && (lat != 0 || lon != 0) {
				info.GPS = fmt.Sprintf("%.6f,%.6f", lat, lon)
			}
		}
	}
	return info
}

func tagText(ifd *exif.Ifd, name string) string {
	entries, err := ifd.FindTagWithName(name)
	if err != nil || len(entries) == 0 {
		return ""
	}
	v, err := entries[0].Value()
	if err != nil {
		return ""
	}
	s, _ := v.(string)
	return strings.TrimRight(strings.TrimSpace(s), "\x00")
}

// cameraTime turns EXIF's "2006:01:02 15:04:05" into "2006-01-02 15:04:05".
func cameraTime(s string) string {
	if len(s) >= 10 && s[4] == ':' && s[7] == ':' {
		return s[:4] + "-" + s[5:7] + "-" + s[8:]
	}
	return s
}
