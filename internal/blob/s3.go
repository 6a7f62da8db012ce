package blob

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// S3 stores files in a bucket of an S3-compatible service (AWS S3, MinIO,
// Garage, Ceph, Cloudflare R2…), so that several instances of the server
// share the same uploads. Objects stay private: the application streams
// them through its own handlers, which check who may see them, and never
// hands out bucket URLs.
type S3 struct {
	client *minio.Client
	bucket string
	prefix string // "" or ends in "/"
}

var _ Store = (*S3)(nil)

// S3Config says where the bucket is and how to reach it.
type S3Config struct {
	Bucket string
	// Prefix is put before every key ("lokadaya/" keeps the files in a
	// folder of a shared bucket); empty for none.
	Prefix string
	// Endpoint is HOST[:PORT] of the service; default s3.amazonaws.com.
	Endpoint string
	// Region of the bucket; empty lets the client ask the service.
	Region string
	// PathStyle addresses the bucket as ENDPOINT/BUCKET rather than
	// BUCKET.ENDPOINT, which most self-hosted services need.
	PathStyle bool
	// Insecure talks plain HTTP, for a service on the same machine or a
	// private network only.
	Insecure bool
	// AccessKey, SecretKey and SessionToken sign the requests; all empty
	// sends anonymous requests.
	AccessKey, SecretKey, SessionToken string
}

// ParseS3URL reads s3://BUCKET[/PREFIX]?endpoint=HOST:PORT&region=R&path_style=true&insecure=true.
// Credentials never come from the URL, which ends up in logs and process
// lists; OpenURL takes them from the environment.
func ParseS3URL(raw string) (S3Config, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "s3" {
		return S3Config{}, fmt.Errorf("blob: %q is not an s3://BUCKET[/PREFIX] address", raw)
	}
	if u.User != nil {
		return S3Config{}, errors.New("blob: put S3 credentials in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, not in the address")
	}
	cfg := S3Config{Bucket: u.Host, Endpoint: "s3.amazonaws.com"}
	if cfg.Bucket == "" {
		return S3Config{}, fmt.Errorf("blob: %q names no bucket", raw)
	}
	if p := strings.Trim(u.Path, "/"); p != "" {
		if !ValidKey(p) {
			return S3Config{}, fmt.Errorf("blob: prefix %q is not a valid path", p)
		}
		cfg.Prefix = p + "/"
	}
	for name, values := range u.Query() {
		v := values[len(values)-1]
		switch name {
		case "endpoint":
			cfg.Endpoint = v
		case "region":
			cfg.Region = v
		case "path_style", "insecure":
			b, err := strconv.ParseBool(v)
			if err != nil {
				return S3Config{}, fmt.Errorf("blob: %s=%q is not true or false", name, v)
			}
			if name == "path_style" {
				cfg.PathStyle = b
			} else {
				cfg.Insecure = b
			}
		default:
			return S3Config{}, fmt.Errorf("blob: unknown S3 parameter %q (known: endpoint, region, path_style, insecure)", name)
		}
	}
	if cfg.Endpoint == "" || strings.Contains(cfg.Endpoint, "/") {
		return S3Config{}, fmt.Errorf("blob: endpoint %q must be HOST or HOST:PORT, without a scheme", cfg.Endpoint)
	}
	return cfg, nil
}

// NewS3 connects to the bucket. It sends no request: a wrong address or
// missing bucket shows on the first upload or download.
func NewS3(cfg S3Config) (*S3, error) {
	lookup := minio.BucketLookupAuto
	if cfg.PathStyle {
		lookup = minio.BucketLookupPath
	}
	var creds *credentials.Credentials
	if cfg.AccessKey != "" || cfg.SecretKey != "" {
		creds = credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, cfg.SessionToken)
	} else {
		creds = credentials.New(&credentials.Static{Value: credentials.Value{SignerType: credentials.SignatureAnonymous}})
	}
	client, err := minio.New(cfg.Endpoint, &minio.Options{
		Creds:        creds,
		Secure:       !cfg.Insecure,
		Region:       cfg.Region,
		BucketLookup: lookup,
	})
	if err != nil {
		return nil, fmt.Errorf("blob: S3 endpoint %q: %w", cfg.Endpoint, err)
	}
	return &S3{client: client, bucket: cfg.Bucket, prefix: cfg.Prefix}, nil
}

// OpenURL returns the store an operator configured: the directory dir when
// raw is empty, a local path when raw is one, or an S3 bucket for an
// s3:// address, signed with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
// AWS_SESSION_TOKEN from the environment.
func OpenURL(raw, dir string) (Store, error) {
	switch {
	case raw == "":
		return NewDir(dir), nil
	case strings.HasPrefix(raw, "s3://"):
		cfg, err := ParseS3URL(raw)
		if err != nil {
			return nil, err
		}
		cfg.AccessKey = os.Getenv("AWS_ACCESS_KEY_ID")
		cfg.SecretKey = os.Getenv("AWS_SECRET_ACCESS_KEY")
		cfg.SessionToken = os.Getenv("AWS_SESSION_TOKEN")
		return NewS3(cfg)
	case strings.Contains(raw, "://"):
		return nil, fmt.Errorf("blob: %q: only a directory or s3://BUCKET is supported", raw)
	default:
		return NewDir(raw), nil
	}
}

// singlePutMax is how much of an upload is held in memory to send it in
// one request; anything larger goes up in parts of this size.
const singlePutMax = 8 << 20

// Put uploads r under key with its content type.
func (s *S3) Put(ctx context.Context, key, contentType string, r io.Reader) error {
	if !ValidKey(key) {
		return ErrBadKey
	}
	opts := minio.PutObjectOptions{ContentType: contentType, PartSize: singlePutMax}
	if sized, ok := r.(interface{ Len() int }); ok && sized.Len() < singlePutMax {
		// A bytes.Reader from an upload handler: no copy needed to know its size.
		if _, err := s.client.PutObject(ctx, s.bucket, s.prefix+key, r, int64(sized.Len()), opts); err != nil {
			return fmt.Errorf("blob: put %s: %w", key, err)
		}
		return nil
	}
	head, err := io.ReadAll(io.LimitReader(r, singlePutMax))
	if err != nil {
		return fmt.Errorf("blob: put %s: %w", key, err)
	}
	body, size := io.Reader(bytes.NewReader(head)), int64(len(head))
	if size == singlePutMax { // maybe more: stream the rest in parts
		body, size = io.MultiReader(body, r), -1
	}
	if _, err := s.client.PutObject(ctx, s.bucket, s.prefix+key, body, size, opts); err != nil {
		return fmt.Errorf("blob: put %s: %w", key, err)
	}
	return nil
}

// Open returns the object and its content type, reading it as it goes.
func (s *S3) Open(ctx context.Context, key string) (io.ReadCloser, string, error) {
	if !ValidKey(key) {
		return nil, "", ErrBadKey
	}
	obj, err := s.client.GetObject(ctx, s.bucket, s.prefix+key, minio.GetObjectOptions{})
	if err != nil {
		return nil, "", s.fail("open", key, err)
	}
	info, err := obj.Stat() // sends the request
	if err != nil {
		obj.Close()
		return nil, "", s.fail("open", key, err)
	}
	ct := info.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	return obj, ct, nil
}

// Size returns the stored object's length in bytes; ErrNotFound when missing.
func (s *S3) Size(ctx context.Context, key string) (int64, error) {
	if !ValidKey(key) {
		return 0, ErrBadKey
	}
	info, err := s.client.StatObject(ctx, s.bucket, s.prefix+key, minio.StatObjectOptions{})
	if err != nil {
		return 0, s.fail("stat", key, err)
	}
	return info.Size, nil
}

// Delete removes the object; S3 itself treats a missing key as done.
func (s *S3) Delete(ctx context.Context, key string) error {
	if !ValidKey(key) {
		return ErrBadKey
	}
	if err := s.client.RemoveObject(ctx, s.bucket, s.prefix+key, minio.RemoveObjectOptions{}); err != nil {
		return s.fail("delete", key, err)
	}
	return nil
}

// Check confirms the bucket exists and the credentials may reach it, so a
// mistyped address stops the server at start and does not show up later
// as missing logos (a read of a missing bucket can look like a missing key).
func (s *S3) Check(ctx context.Context) error {
	ok, err := s.client.BucketExists(ctx, s.bucket)
	if err != nil {
		return fmt.Errorf("blob: bucket %s: %w", s.bucket, err)
	}
	if !ok {
		return fmt.Errorf("blob: bucket %s does not exist; create it first", s.bucket)
	}
	return nil
}

// fail turns the service's "no such key" into ErrNotFound and names the
// bucket in every other error, which is what an operator needs to fix it.
func (s *S3) fail(op, key string, err error) error {
	resp := minio.ToErrorResponse(err)
	if resp.Code == "NoSuchKey" || resp.StatusCode == http.StatusNotFound && resp.Code != "NoSuchBucket" {
		return ErrNotFound
	}
	return fmt.Errorf("blob: %s %s in bucket %s: %w", op, path.Join(s.prefix, key), s.bucket, err)
}
