package strictjson

import (
	"encoding/json"
	"errors"
	"testing"
)

type donation struct {
	Amount int64  `json:"amount"`
	Name   string `json:"name"`
	Tags   []struct {
		K string `json:"k"`
	} `json:"tags"`
}

func TestUnmarshal(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		known      bool
		want       error
	}{
		{"plain", `{"amount":5000,"name":"Ani"}`, true, nil},
		{"whitespace around", " \n{\"amount\":5000}\n\t", true, nil},
		{"nested objects may repeat sibling keys", `{"tags":[{"k":"a"},{"k":"b"}]}`, true, nil},
		{"empty object and array", `{"tags":[],"x":{}}`, false, nil},
		{"trailing object", `{"amount":5000}{"amount":9}`, true, ErrTrailing},
		{"trailing garbage", `{"amount":5000} x`, true, ErrTrailing},
		{"trailing number", `{"amount":5000} 1`, true, ErrTrailing},
		{"duplicate key", `{"amount":5000,"amount":9000000}`, true, ErrDuplicateKey},
		{"duplicate nested key", `{"tags":[{"k":"a","k":"b"}]}`, true, ErrDuplicateKey},
		{"duplicate after nested object", `{"x":{"a":1},"x":2}`, false, ErrDuplicateKey},
		{"same key in two objects", `{"x":{"amount":1},"amount":2}`, false, nil},
		{"escaped duplicate", `{"amount":1,"\u0061mount":2}`, true, ErrDuplicateKey},
		{"empty", ``, true, ErrSyntax},
		{"not JSON", `amount=5000`, true, ErrSyntax},
		{"unknown field", `{"amount":5000,"admin":true}`, true, ErrType},
		{"unknown field allowed", `{"amount":5000,"admin":true}`, false, nil},
		{"wrong type", `{"amount":"5000"}`, true, ErrType},
		{"bad UTF-8", "{\"name\":\"\xff\"}", true, ErrUTF8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d donation
			var err error
			if tc.known {
				err = UnmarshalKnown([]byte(tc.body), &d)
			} else {
				err = Unmarshal([]byte(tc.body), &d)
			}
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
	var ke *KeyError
	if err := Unmarshal([]byte(`{"a":1,"a":2}`), new(map[string]int)); !errors.As(err, &ke) || ke.Key != "a" {
		t.Errorf("key error = %v", err)
	}
}

// FuzzUnmarshal: whatever the input, Unmarshal never panics; what it
// accepts, encoding/json accepts too with the same result, and it has
// no duplicate keys at the top level.
func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{`{"amount":5000,"name":"Ani"}`, `{"a":1,"a":2}`, `{"a":{"b":[1,{"c":2}]}}`, `[1,2]`,
		`{} {}`, `"x"`, `{"a":1} x`, "{\"\xff\":1}", `{"a":[{"a":1,"a":2}]}`, ``, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got any
		err := Unmarshal(data, &got)
		if err != nil {
			return
		}
		var want any
		if jerr := json.Unmarshal(data, &want); jerr != nil {
			t.Fatalf("accepted %q that encoding/json refuses: %v", data, jerr)
		}
		a, _ := json.Marshal(got)
		b, _ := json.Marshal(want)
		if string(a) != string(b) {
			t.Fatalf("%q decoded as %s, encoding/json says %s", data, a, b)
		}
		if m, ok := got.(map[string]any); ok {
			var raw map[string]json.RawMessage
			_ = json.Unmarshal(data, &raw)
			if len(raw) != len(m) {
				t.Fatalf("%q: key counts differ", data)
			}
		}
	})
}
