package dataset_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/blob"
	"lokadaya/internal/dataset"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/opendata"
	"lokadaya/internal/org"
)

const desa = "33.72.01.1001" // Pajang, Laweyan, Kota Surakarta

type fixture struct {
	s                       *dataset.Store
	d                       *db.DB
	dir                     string
	owner, viewer, outsider dataset.Actor
	orgID                   int64
}

func user(t *testing.T, d *db.DB, email, name string) dataset.Actor {
	t.Helper()
	u, err := (&account.Store{DB: d}).Create(context.Background(), email, name, "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	return dataset.Actor{ID: u.ID, Name: name}
}

func setup(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	f := &fixture{s: &dataset.Store{DB: d, Blobs: blob.NewDir(dir)}, d: d, dir: dir}
	f.owner = user(t, d, "pemilik@example.org", "Bu Ani")
	f.viewer = user(t, d, "lihat@example.org", "Pak Budi")
	f.outsider = user(t, d, "luar@example.org", "Orang Luar")
	os := &org.Store{DB: d}
	o, err := os.Create(ctx, f.owner.ID, org.Input{Name: "Kelurahan Pajang", Slug: "kel-pajang", LegalForm: "komunitas", RegionCode: desa})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.AddMember(ctx, o.ID, f.viewer.ID, org.RoleViewer); err != nil {
		t.Fatal(err)
	}
	f.orgID = o.ID
	return f
}

func (f *fixture) verify(t *testing.T) {
	t.Helper()
	if _, err := f.d.Exec(context.Background(), `UPDATE organizations SET status = 'verified' WHERE id = ?`, f.orgID); err != nil {
		t.Fatal(err)
	}
}

const lampuCSV = "rt;rw;titik_rusak;dicek\n01;05;3;2026-03-01\n02;05;0;2026-03-02\n03;05;7;\n"

func dictionary() []dataset.Column {
	return []dataset.Column{
		{Name: "rt", Type: opendata.String, Meaning: "Nomor RT"},
		{Name: "rw", Type: opendata.String, Meaning: "Nomor RW"},
		{Name: "titik_rusak", Type: opendata.Integer, Meaning: "Titik lampu jalan rusak", Unit: "titik"},
		{Name: "dicek", Type: opendata.Date, Meaning: "Tanggal pengecekan"},
	}
}

func fileInput() dataset.Input {
	return dataset.Input{Title: "Titik lampu jalan rusak per RT", Description: "Hasil cek warga.", RegionCode: desa,
		Licence: "CC-BY-4.0", Keywords: []string{"lampu", "jalan"}, From: "2026-03-01", To: "2026-03-31",
		Source: dataset.SourceFile, Columns: dictionary(), File: &dataset.Upload{Name: "lampu.csv", Data: []byte(lampuCSV)}}
}

func linkInput() dataset.Input {
	return dataset.Input{Title: "APBDes Pajang", RegionCode: desa, Licence: "CC0-1.0", Source: dataset.SourceLink,
		LinkURL: "https://data.surakarta.go.id/dataset/apbdes", LinkFormat: "CSV"}
}

func count(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// files counts the files the blob store holds (not their content-type
// notes).
func (f *fixture) files(t *testing.T) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(f.dir, func(_ string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && !strings.HasSuffix(e.Name(), ".type") {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (f *fixture) create(t *testing.T, in dataset.Input) *dataset.Dataset {
	t.Helper()
	d, err := f.s.Create(context.Background(), f.owner, f.orgID, in)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCreateRefusesBadInput(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		cases := []struct {
			name, field, key string
			edit             func(*dataset.Input)
		}{
			{"no title", "title", "form.required", func(in *dataset.Input) { in.Title = " " }},
			{"unknown licence", "licence", "dataset.err.licence", func(in *dataset.Input) { in.Licence = "MIT" }},
			{"unknown region", "region", "region.required", func(in *dataset.Input) { in.RegionCode = "99.99" }},
			{"bad date", "from", "dataset.err.date", func(in *dataset.Input) { in.From = "1 Maret" }},
			{"period backwards", "to", "dataset.err.period", func(in *dataset.Input) { in.From, in.To = "2026-04-01", "2026-03-01" }},
			{"no file", "file", "dataset.err.file_required", func(in *dataset.Input) { in.File = nil }},
			{"pdf", "file", "dataset.err.file_format", func(in *dataset.Input) { in.File.Name = "lampu.pdf" }},
			{"no dictionary", "dictionary", "dataset.err.dictionary_required", func(in *dataset.Input) { in.Columns = nil }},
			{"unknown type", "dictionary", "dataset.err.dictionary_type", func(in *dataset.Input) { in.Columns[0].Type = "uang" }},
			{"column twice", "dictionary", "dataset.err.dictionary_twice", func(in *dataset.Input) { in.Columns[1].Name = "RT" }},
			{"no meaning", "dictionary", "dataset.err.dictionary_line", func(in *dataset.Input) { in.Columns[2].Meaning = "" }},
			{"no source", "source", "dataset.err.source", func(in *dataset.Input) { in.Source = "" }},
			{"javascript link", "link", "dataset.err.link", func(in *dataset.Input) {
				*in = linkInput()
				in.LinkURL = "javascript:alert(1)"
			}},
			{"link without format", "format", "form.required", func(in *dataset.Input) {
				*in = linkInput()
				in.LinkFormat = ""
			}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				in := fileInput()
				in.Columns = dictionary()
				c.edit(&in)
				_, err := f.s.Create(context.Background(), f.owner, f.orgID, in)
				e, ok := dataset.ValidationErrors(err)
				if !ok || e[c.field] != c.key {
					t.Fatalf("got %v, want %s on %s", err, c.key, c.field)
				}
			})
		}
		if n := count(t, d, `SELECT COUNT(*) FROM datasets`); n != 0 || f.files(t) != 0 {
			t.Fatalf("refused input wrote %d rows, %d files", n, f.files(t))
		}
	})
}

func TestCreateRefusesFileNotMatchingDictionary(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		cases := []struct {
			name, data, key string
		}{
			{"header renamed", "rt;rw;rusak;dicek\n01;05;3;2026-03-01\n", "dataset.err.header_mismatch"},
			{"column missing", "rt;rw;titik_rusak\n01;05;3\n", "dataset.err.header_count"},
			{"not a number", "rt;rw;titik_rusak;dicek\n01;05;tiga;2026-03-01\n", "dataset.err.value"},
			{"not a date", "rt;rw;titik_rusak;dicek\n01;05;3;kemarin\n", "dataset.err.value"},
			{"row too wide", "rt;rw;titik_rusak;dicek\n01;05;3;2026-03-01;x\n", "dataset.err.row_width"},
			{"header only blank", "\n\n", "dataset.err.file_empty"},
			{"broken quote", "rt;rw;titik_rusak;dicek\n\"01;05;3;2026-03-01\n", "dataset.err.csv"},
			{"not utf-8", "rt;rw;titik_rusak;dicek\n\xff;05;3;2026-03-01\n", "dataset.err.csv_encoding"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				in := fileInput()
				in.File.Data = []byte(c.data)
				_, err := f.s.Create(context.Background(), f.owner, f.orgID, in)
				fe, ok := dataset.IsFileError(err)
				if !ok || fe.Key != c.key {
					t.Fatalf("got %v, want %s", err, c.key)
				}
			})
		}
		if n := count(t, d, `SELECT COUNT(*) FROM datasets`); n != 0 || f.files(t) != 0 {
			t.Fatalf("refused files wrote %d rows, %d files", n, f.files(t))
		}
	})
}

func TestPublishLifecycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		ds := f.create(t, fileInput())
		got, err := f.s.Get(ctx, ds.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Rows != 3 || got.Format != dataset.FormatCSV || len(got.Columns) != 4 || got.Columns[2].Unit != "titik" ||
			got.Status != dataset.StatusDraft || got.OrgSlug != "kel-pajang" || len(got.Keywords) != 2 || got.FileName != "lampu.csv" {
			t.Fatalf("got %+v", got)
		}
		if _, err := f.s.GetPublic(ctx, ds.ID); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("draft public: %v", err)
		}
		if err := f.s.Publish(ctx, f.owner, got); err != dataset.ErrNotVerified {
			t.Fatalf("unverified publish: %v", err)
		}
		f.verify(t)
		if err := f.s.Publish(ctx, f.owner, got); err != nil {
			t.Fatal(err)
		}
		list, _, err := f.s.Published(ctx, dataset.Filter{Region: "33.72"})
		if err != nil || len(list) != 1 || list[0].ID != ds.ID {
			t.Fatalf("published %v %v", list, err)
		}
		if list, _, _ := f.s.Published(ctx, dataset.Filter{Region: "32.73"}); len(list) != 0 {
			t.Fatalf("other region lists %v", list)
		}
		pub, err := f.s.GetPublic(ctx, ds.ID)
		if err != nil || pub.PublishedAt == nil {
			t.Fatalf("public %+v %v", pub, err)
		}
		rc, err := f.s.OpenFile(ctx, pub)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if string(b) != lampuCSV {
			t.Fatalf("file %q", b)
		}
		if err := f.s.Withdraw(ctx, f.owner, pub); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.GetPublic(ctx, ds.ID); !errors.Is(err, db.ErrNotFound) {
			t.Fatalf("withdrawn public: %v", err)
		}
		if list, _, _ := f.s.Published(ctx, dataset.Filter{}); len(list) != 0 {
			t.Fatalf("withdrawn listed %v", list)
		}
	})
}

func TestOnlyEditorsManage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		f.verify(t)
		ctx := context.Background()
		ds := f.create(t, linkInput())
		for _, a := range []dataset.Actor{f.viewer, f.outsider, {}} {
			if _, err := f.s.Create(ctx, a, f.orgID, linkInput()); err != dataset.ErrNotAllowed {
				t.Errorf("%s create: %v", a.Name, err)
			}
			if err := f.s.Update(ctx, a, ds, linkInput()); err != dataset.ErrNotAllowed {
				t.Errorf("%s update: %v", a.Name, err)
			}
			if err := f.s.Publish(ctx, a, ds); err != dataset.ErrNotAllowed {
				t.Errorf("%s publish: %v", a.Name, err)
			}
		}
		if err := f.s.Publish(ctx, dataset.Actor{ID: f.outsider.ID, Admin: true}, ds); err != nil {
			t.Fatalf("admin publish: %v", err)
		}
	})
}

func TestUpdateFile(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		ds := f.create(t, fileInput())
		oldKey := ds.FileKey
		// Keeping the file, the dictionary must still match its header.
		in := fileInput()
		in.File, in.Columns[0].Name = nil, "nomor_rt"
		if err := f.s.Update(ctx, f.owner, ds, in); err == nil {
			t.Fatal("renamed column accepted without a new file")
		} else if fe, ok := dataset.IsFileError(err); !ok || fe.Key != "dataset.err.header_mismatch" {
			t.Fatalf("got %v", err)
		}
		in = fileInput()
		in.File, in.Title = nil, "Lampu jalan rusak"
		if err := f.s.Update(ctx, f.owner, ds, in); err != nil {
			t.Fatal(err)
		}
		if ds.FileKey != oldKey || ds.Rows != 3 {
			t.Fatalf("kept file changed: %+v", ds)
		}
		// A new file replaces the old one in the blob store.
		in = fileInput()
		in.File.Data = []byte("rt;rw;titik_rusak;dicek\n01;05;3;2026-03-01\n")
		if err := f.s.Update(ctx, f.owner, ds, in); err != nil {
			t.Fatal(err)
		}
		if ds.FileKey == oldKey || ds.Rows != 1 || f.files(t) != 1 {
			t.Fatalf("new file: %+v, %d files", ds, f.files(t))
		}
		// Turned into a link, the file goes.
		if err := f.s.Update(ctx, f.owner, ds, linkInput()); err != nil {
			t.Fatal(err)
		}
		got, _ := f.s.Get(ctx, ds.ID)
		if got.Source != dataset.SourceLink || got.FileKey != "" || f.files(t) != 0 {
			t.Fatalf("link: %+v, %d files", got, f.files(t))
		}
	})
}

func TestCite(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		f.verify(t)
		ctx := context.Background()
		a := f.create(t, fileInput())
		b := f.create(t, linkInput())
		draft := f.create(t, linkInput())
		for _, x := range []*dataset.Dataset{a, b} {
			if err := f.s.Publish(ctx, f.owner, x); err != nil {
				t.Fatal(err)
			}
		}
		cases := []struct {
			name string
			kind string
			ids  []int64
			want error
		}{
			{"draft", dataset.SubjectProposal, []int64{a.ID, draft.ID}, dataset.ErrNotPublished},
			{"unknown", dataset.SubjectProposal, []int64{999999}, dataset.ErrNotPublished},
			{"bad kind", "kampanye", []int64{a.ID}, dataset.ErrSubjectKind},
			{"published, twice", dataset.SubjectProposal, []int64{b.ID, a.ID, a.ID}, nil},
		}
		for _, c := range cases {
			if err := f.s.Cite(ctx, c.kind, 7, c.ids); err != c.want {
				t.Fatalf("%s: got %v, want %v", c.name, err, c.want)
			}
			if c.want != nil && count(t, d, `SELECT COUNT(*) FROM dataset_citations`) != 0 {
				t.Fatalf("%s: refused citation written", c.name)
			}
		}
		cited, err := f.s.CitedBy(ctx, dataset.SubjectProposal, 7)
		if err != nil || len(cited) != 2 {
			t.Fatalf("cited %v %v", cited, err)
		}
		if err := f.s.Cite(ctx, dataset.SubjectTeamPlan, 3, []int64{a.ID}); err != nil {
			t.Fatal(err)
		}
		citing, err := f.s.Citing(ctx, a.ID)
		if err != nil || len(citing) != 2 {
			t.Fatalf("citing %v %v", citing, err)
		}
		// Replacing the set drops what is no longer cited.
		if err := f.s.Cite(ctx, dataset.SubjectProposal, 7, []int64{b.ID}); err != nil {
			t.Fatal(err)
		}
		if citing, _ := f.s.Citing(ctx, a.ID); len(citing) != 1 || citing[0].SubjectKind != dataset.SubjectTeamPlan {
			t.Fatalf("after replacing: %v", citing)
		}
		// Withdrawn, a dataset drops out of what a subject shows.
		if err := f.s.Withdraw(ctx, f.owner, b); err != nil {
			t.Fatal(err)
		}
		if cited, _ := f.s.CitedBy(ctx, dataset.SubjectProposal, 7); len(cited) != 0 {
			t.Fatalf("withdrawn still cited: %v", cited)
		}
	})
}
