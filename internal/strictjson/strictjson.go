// Package strictjson decodes JSON request bodies strictly: one value and
// nothing after it, no key twice in an object, valid UTF-8. Lenient
// parsers disagree on such input (which of two "amount" keys wins?), so
// every JSON endpoint refuses it instead of guessing.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Errors a caller can test with errors.Is.
var (
	// ErrSyntax: the body is not JSON (or is empty).
	ErrSyntax = errors.New("strictjson: not valid JSON")
	// ErrTrailing: more follows the first JSON value.
	ErrTrailing = errors.New("strictjson: data after the JSON value")
	// ErrDuplicateKey: an object names the same key twice.
	ErrDuplicateKey = errors.New("strictjson: duplicate key")
	// ErrUTF8: the body is not valid UTF-8.
	ErrUTF8 = errors.New("strictjson: invalid UTF-8")
	// ErrType: a value does not fit the field it is decoded into, or a
	// field is unknown (UnmarshalKnown).
	ErrType = errors.New("strictjson: value does not fit")
)

// KeyError names the duplicate key; it wraps ErrDuplicateKey.
type KeyError struct{ Key string }

func (e *KeyError) Error() string { return fmt.Sprintf("strictjson: duplicate key %q", e.Key) }
func (e *KeyError) Unwrap() error { return ErrDuplicateKey }

// Unmarshal decodes data into v like json.Unmarshal, refusing trailing
// data, duplicate keys and invalid UTF-8.
func Unmarshal(data []byte, v any) error { return unmarshal(data, v, false) }

// UnmarshalKnown is Unmarshal that also refuses fields v does not have.
func UnmarshalKnown(data []byte, v any) error { return unmarshal(data, v, true) }

func unmarshal(data []byte, v any, known bool) error {
	if !utf8.Valid(data) {
		return ErrUTF8
	}
	if err := Check(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if known {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %v", ErrType, err)
	}
	return nil
}

// frame is an open object or array while Check walks the tokens.
type frame struct {
	keys    map[string]bool // nil for an array
	wantKey bool            // an object's next token is a key (or its end)
}

// Check reports whether data is exactly one JSON value without duplicate
// keys in any object, nested ones included.
func Check(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []*frame
	values := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil && len(stack) == 0 && values > 0 {
			return ErrTrailing
		}
		if err != nil {
			return fmt.Errorf("%w: %v", ErrSyntax, err)
		}
		if len(stack) == 0 && values > 0 {
			return ErrTrailing
		}
		if n := len(stack); n > 0 && stack[n-1].keys != nil && stack[n-1].wantKey {
			top := stack[n-1]
			if tok == json.Delim('}') {
				stack = stack[:n-1]
				values += valueDone(stack)
				continue
			}
			key, _ := tok.(string) // the decoder only yields a string here
			if top.keys[key] {
				return &KeyError{Key: key}
			}
			top.keys[key], top.wantKey = true, false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{keys: map[string]bool{}, wantKey: true})
		case json.Delim('['):
			stack = append(stack, &frame{})
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
			values += valueDone(stack)
		default:
			values += valueDone(stack)
		}
	}
	if values == 0 {
		return fmt.Errorf("%w: empty body", ErrSyntax)
	}
	return nil
}

// valueDone notes that a value ended inside stack's top: an object wants
// its next key. It returns 1 when the value was a whole document.
func valueDone(stack []*frame) int {
	if len(stack) == 0 {
		return 1
	}
	if top := stack[len(stack)-1]; top.keys != nil {
		top.wantKey = true
	}
	return 0
}
