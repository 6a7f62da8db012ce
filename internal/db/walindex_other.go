//go:build !unix

package db

import "errors"

// walIndex is not mapped where there is no mmap: WriteVersion reads PRAGMA
// data_version instead.
type walIndex struct{}

func mapWALIndex(string) (*walIndex, error) { return nil, errors.New("db: WAL index not mapped here") }

func (*walIndex) version() (string, bool) { return "", false }

func (*walIndex) unmap() {}
