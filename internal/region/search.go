package region

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrInvalid is returned for input a search cannot use: a query too short
// or too long.
var ErrInvalid = errors.New("region: invalid input")

// Search limits.
const (
	MinQueryLen  = 2   // characters
	MaxQueryLen  = 100 // bytes
	MaxResults   = 50
	DefaultLimit = 20
)

// Hit is one search result: the region and its parent chain, province
// first, so that the eleven desa named Sukamaju can be told apart.
type Hit struct {
	Region
	Parents []Region
}

// Label names the hit with its parents, nearest first:
// "Sukamaju — Kec. Cibeber, Kab. Cianjur, Prov. Jawa Barat".
func (h Hit) Label() string {
	if len(h.Parents) == 0 {
		return h.Name
	}
	return h.Name + " — " + h.ParentsLabel()
}

// ParentsLabel is the parent chain alone, nearest first:
// "Kec. Cibeber, Kab. Cianjur, Prov. Jawa Barat"; "" for a province.
func (h Hit) ParentsLabel() string {
	names := make([]string, 0, len(h.Parents))
	for i := len(h.Parents) - 1; i >= 0; i-- {
		names = append(names, h.Parents[i].ShortName())
	}
	return strings.Join(names, ", ")
}

// NormalizeQuery trims, lower-cases and collapses the spaces of a search
// query; ok is false when what remains is too short or too long.
func NormalizeQuery(q string) (string, bool) {
	if !utf8.ValidString(q) {
		return "", false
	}
	q = strings.ToLower(strings.Join(strings.Fields(q), " "))
	if len(q) > MaxQueryLen || utf8.RuneCountInString(q) < MinQueryLen {
		return "", false
	}
	return q, true
}

// Search finds regions whose name contains query, best matches first, each
// with its parent chain. limit is capped at MaxResults (DefaultLimit when
// not positive). A query that NormalizeQuery rejects is ErrInvalid.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	q, ok := NormalizeQuery(query)
	if !ok {
		return nil, ErrInvalid
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxResults)
	n, err := s.loadNames(ctx)
	if err != nil {
		return nil, fmt.Errorf("region: search: %w", err)
	}
	return s.withParents(ctx, n.find(q, limit))
}

// withParents attaches every hit's parent chain, fetched in one query.
func (s *Store) withParents(ctx context.Context, found []Region) ([]Hit, error) {
	var codes []string
	for _, r := range found {
		if l := lineage(r.Code); len(l) > 1 {
			codes = append(codes, l[:len(l)-1]...)
		}
	}
	parents := map[string]Region{}
	if len(codes) > 0 {
		var err error
		if parents, err = s.getMany(ctx, codes); err != nil {
			return nil, err
		}
	}
	hits := make([]Hit, 0, len(found))
	for _, r := range found {
		h := Hit{Region: r}
		if l := lineage(r.Code); len(l) > 1 {
			for _, c := range l[:len(l)-1] {
				if p, ok := parents[c]; ok {
					h.Parents = append(h.Parents, p)
				}
			}
		}
		hits = append(hits, h)
	}
	return hits, nil
}
