package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"lokadaya/internal/blob"
)

// blobsFlag adds --blobs, where uploaded files are kept when not in the
// uploads directory.
func blobsFlag(fs *flag.FlagSet) *string {
	return fs.String("blobs", env("LOKADAYA_BLOBS", ""),
		"where uploaded files are kept: empty for --uploads-dir, or s3://BUCKET[/PREFIX]?endpoint=HOST:PORT&region=R&path_style=true&insecure=true with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (LOKADAYA_BLOBS)")
}

// openBlobs opens the configured store; a bucket is checked at once, so a
// wrong address or key stops the command instead of losing uploads later.
func openBlobs(ctx context.Context, raw, uploadsDir string) (blob.Store, error) {
	s, err := blob.OpenURL(raw, uploadsDir)
	if err != nil {
		return nil, err
	}
	if bucket, ok := s.(*blob.S3); ok {
		if err := bucket.Check(ctx); err != nil {
			return nil, err
		}
	}
	return s, nil
}

const blobUsage = "usage: lokadaya blob migrate --from DIR --to s3://BUCKET[/PREFIX]?…"

// blobCmd runs "blob migrate": copying the uploads directory into a bucket
// before switching a server to it with --blobs.
func blobCmd(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "migrate" {
		return errors.New(blobUsage)
	}
	fs := flag.NewFlagSet("blob migrate", flag.ContinueOnError)
	from := fs.String("from", env("LOKADAYA_UPLOADS_DIR", "data/uploads"), "uploads directory to copy (LOKADAYA_UPLOADS_DIR)")
	to := fs.String("to", env("LOKADAYA_BLOBS", ""), "bucket address to copy into, as for serve --blobs (LOKADAYA_BLOBS)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 || !strings.HasPrefix(*to, "s3://") {
		return errors.New(blobUsage)
	}
	s, err := openBlobs(ctx, *to, "")
	if err != nil {
		return err
	}
	res, err := blob.Migrate(ctx, *from, s.(*blob.S3))
	if res.Copied+res.Skipped > 0 || err == nil {
		fmt.Fprintf(stdout, "%d file(s) copied, %d already in the bucket\n", res.Copied, res.Skipped)
	}
	for _, name := range res.Ignored {
		fmt.Fprintf(stdout, "not copied (not an uploaded file): %s\n", name)
	}
	return err
}
