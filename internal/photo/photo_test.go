package photo

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	exif "github.com/dsoprea/go-exif/v3"
	exifcommon "github.com/dsoprea/go-exif/v3/common"
)

// jpegWithEXIF makes a real JPEG whose APP1 segment carries the EXIF the
// camera of an inspector's phone would write: capture time and position.
func jpegWithEXIF(t *testing.T, taken string, lat, lon []exifcommon.Rational, latRef, lonRef string) []byte {
	t.Helper()
	im, err := exifcommon.NewIfdMappingWithStandard()
	if err != nil {
		t.Fatal(err)
	}
	ti := exif.NewTagIndex()
	root := exif.NewIfdBuilder(im, ti, exifcommon.IfdStandardIfdIdentity, exifcommon.EncodeDefaultByteOrder)
	exifIb, err := exif.GetOrCreateIbFromRootIb(root, "IFD/Exif")
	if err != nil {
		t.Fatal(err)
	}
	if err := exifIb.AddStandardWithName("DateTimeOriginal", taken); err != nil {
		t.Fatal(err)
	}
	if lat != nil {
		gps, err := exif.GetOrCreateIbFromRootIb(root, "IFD/GPSInfo")
		if err != nil {
			t.Fatal(err)
		}
		for name, v := range map[string]any{"GPSLatitudeRef": latRef, "GPSLatitude": lat, "GPSLongitudeRef": lonRef, "GPSLongitude": lon} {
			if err := gps.AddStandardWithName(name, v); err != nil {
				t.Fatal(name, err)
			}
		}
	}
	payload, err := exif.NewIfdByteEncoder().EncodeToExif(root)
	if err != nil {
		t.Fatal(err)
	}
	var img bytes.Buffer
	if err := jpeg.Encode(&img, image.NewGray(image.Rect(0, 0, 8, 8)), nil); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	out.Write([]byte{0xFF, 0xD8, 0xFF, 0xE1})
	seg := append([]byte("Exif\x00\x00"), payload...)
	binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(img.Bytes()[2:]) // the image without its own SOI
	return out.Bytes()
}

func TestReadCaptureTimeAndPosition(t *testing.T) {
	// 吉首市: 28°18'51"N 109°44'20"E
	data := jpegWithEXIF(t, "2021:06:01 10:22:33",
		[]exifcommon.Rational{{Numerator: 28, Denominator: 1}, {Numerator: 18, Denominator: 1}, {Numerator: 51, Denominator: 1}},
		[]exifcommon.Rational{{Numerator: 109, Denominator: 1}, {Numerator: 44, Denominator: 1}, {Numerator: 20, Denominator: 1}}, "N", "E")
	if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
		t.Fatalf("the test photo is not a JPEG: %v", err)
	}
	p := filepath.Join(t.TempDir(), "窗口.jpg")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	info, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	if info.Taken != "2021-06-01 10:22:33" || info.GPS != "28.314167,109.738889" {
		t.Fatalf("got %+v", info)
	}
}

func TestSouthWestIsNegative(t *testing.T) {
	data := jpegWithEXIF(t, "2022:01:02 03:04:05",
		[]exifcommon.Rational{{Numerator: 10, Denominator: 1}, {Numerator: 30, Denominator: 1}, {Numerator: 0, Denominator: 1}},
		[]exifcommon.Rational{{Numerator: 20, Denominator: 1}, {Numerator: 15, Denominator: 1}, {Numerator: 0, Denominator: 1}}, "S", "W")
	if info := Parse(data); info.GPS != "-10.500000,-20.250000" {
		t.Fatalf("got %+v", info)
	}
}

// Files without EXIF, or with garbage where EXIF should be, give nothing
// and no error: metadata never stops an attachment.
func TestNoOrDamagedEXIF(t *testing.T) {
	var png bytes.Buffer
	png.WriteString("%PDF-1.4\n...")
	if info := Parse(png.Bytes()); info != (Info{}) {
		t.Fatalf("pdf: %+v", info)
	}
	data := jpegWithEXIF(t, "2021:06:01 10:22:33", nil, nil, "", "")
	for i := 30; i < 60 && i < len(data); i++ {
		data[i] ^= 0xA5
	}
	_ = Parse(data) // must not panic
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("Exif\x00\x00MM\x00*\x00\x00\x00\x08"))
	f.Fuzz(func(t *testing.T, b []byte) { Parse(b) })
}
