package blob

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"lokadaya/internal/blob/blobtest"
)

func TestS3Store(t *testing.T) {
	s, err := OpenURL(blobtest.FakeS3(t, "lokadaya"), "")
	if err != nil {
		t.Fatal(err)
	}
	testStore(t, s)
}

func TestS3PrefixKeepsStoresApart(t *testing.T) {
	ctx := context.Background()
	addr := blobtest.FakeS3(t, "shared")
	a, err := OpenURL(strings.Replace(addr, "?", "/site-a?", 1), "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := OpenURL(strings.Replace(addr, "?", "/site-b?", 1), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Put(ctx, "logos/x.png", "image/png", strings.NewReader("A")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.Open(ctx, "logos/x.png"); !errors.Is(err, ErrNotFound) {
		t.Errorf("other prefix sees the file: %v", err)
	}
	testStore(t, b)
}

func TestS3CheckFindsAMissingBucket(t *testing.T) {
	addr := blobtest.FakeS3(t, "real")
	s, err := OpenURL(strings.Replace(addr, "s3://real", "s3://missing", 1), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.(*S3).Check(context.Background()); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("check of a missing bucket = %v, want an error naming the bucket", err)
	}
	good, _ := OpenURL(addr, "")
	if err := good.(*S3).Check(context.Background()); err != nil {
		t.Errorf("check of the real bucket: %v", err)
	}
}

func TestParseS3URL(t *testing.T) {
	for _, tc := range []struct {
		raw     string
		want    S3Config
		wantErr string
	}{
		{raw: "s3://uploads", want: S3Config{Bucket: "uploads", Endpoint: "s3.amazonaws.com"}},
		{raw: "s3://uploads/lokadaya/prod?endpoint=minio.local:9000&region=id-jkt-1&path_style=true&insecure=1",
			want: S3Config{Bucket: "uploads", Prefix: "lokadaya/prod/", Endpoint: "minio.local:9000", Region: "id-jkt-1", PathStyle: true, Insecure: true}},
		{raw: "https://uploads", wantErr: "not an s3://"},
		{raw: "s3:///x", wantErr: "no bucket"},
		{raw: "s3://key:secret@uploads", wantErr: "AWS_ACCESS_KEY_ID"},
		{raw: "s3://uploads?path_style=ya", wantErr: "not true or false"},
		{raw: "s3://uploads?bucket=x", wantErr: "unknown S3 parameter"},
		{raw: "s3://uploads?endpoint=http://minio:9000", wantErr: "without a scheme"},
		{raw: "s3://uploads/../x", wantErr: "prefix"},
	} {
		got, err := ParseS3URL(tc.raw)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: err %v, want %q", tc.raw, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: got %+v, %v; want %+v", tc.raw, got, err, tc.want)
		}
	}
}

func TestOpenURLKeepsTheDirectoryByDefault(t *testing.T) {
	dir := t.TempDir()
	for _, raw := range []string{"", dir} {
		s, err := OpenURL(raw, dir)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := s.(*Dir); !ok {
			t.Errorf("OpenURL(%q) = %T, want *Dir", raw, s)
		}
	}
	if _, err := OpenURL("gs://bucket", dir); err == nil {
		t.Error("unsupported scheme accepted")
	}
}

func FuzzParseS3URL(f *testing.F) {
	for _, s := range []string{"s3://b", "s3://b/p?endpoint=h:1&path_style=true", "s3://b?x=1", "s3://u:p@b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		cfg, err := ParseS3URL(raw)
		if err != nil {
			return
		}
		if cfg.Bucket == "" || cfg.Endpoint == "" || cfg.AccessKey != "" || strings.Contains(cfg.Endpoint, "/") {
			t.Fatalf("%q parsed to %+v", raw, cfg)
		}
		if cfg.Prefix != "" && !ValidKey(strings.TrimSuffix(cfg.Prefix, "/")) {
			t.Fatalf("%q gave prefix %q", raw, cfg.Prefix)
		}
	})
}

// A reader longer than one request's worth goes up as a multipart upload.
func TestS3LargeUploadGoesInParts(t *testing.T) {
	ctx := context.Background()
	s, err := OpenURL(blobtest.FakeS3(t, "lokadaya"), "")
	if err != nil {
		t.Fatal(err)
	}
	size := singlePutMax + 1234
	body := io.MultiReader(strings.NewReader(strings.Repeat("a", singlePutMax)), strings.NewReader(strings.Repeat("b", 1234)))
	if err := s.Put(ctx, "photos/large.jpg", "image/jpeg", body); err != nil {
		t.Fatal(err)
	}
	if n, err := s.(*S3).Size(ctx, "photos/large.jpg"); err != nil || n != int64(size) {
		t.Fatalf("stored %d bytes, %v; want %d", n, err, size)
	}
	got, ct := readBlob(t, s, "photos/large.jpg")
	if len(got) != size || got[singlePutMax-1:singlePutMax+1] != "ab" || !strings.HasSuffix(got, "bbb") || ct != "image/jpeg" {
		t.Errorf("read back %d bytes %q", len(got), ct)
	}
}
