package org_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/org"
)

func TestMembershipRules(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &org.Store{DB: d}
		owner := newUser(t, d, "owner@example.org")
		ed := newUser(t, d, "editor@example.org")
		stranger := newUser(t, d, "x@example.org")
		o, err := s.Create(ctx, owner.ID, input("Paralegal Desa"))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddMember(ctx, o.ID, ed.ID, org.RoleEditor); err != nil {
			t.Fatal(err)
		}
		if err := s.AddMember(ctx, o.ID, ed.ID, org.RoleViewer); !errors.Is(err, org.ErrAlreadyMember) {
			t.Errorf("twice: %v", err)
		}
		if err := s.AddMember(ctx, o.ID, stranger.ID, "ketua"); !errors.Is(err, org.ErrInvalidRole) {
			t.Errorf("bad role: %v", err)
		}
		if _, err := s.RoleOf(ctx, o.ID, stranger.ID); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("stranger role: %v", err)
		}
		for _, tc := range []struct {
			name string
			do   func() error
			want error
		}{
			{"demote last owner", func() error { return s.SetRole(ctx, o.ID, owner.ID, org.RoleAdmin) }, org.ErrLastOwner},
			{"remove last owner", func() error { return s.Remove(ctx, o.ID, owner.ID) }, org.ErrLastOwner},
			{"role of non-member", func() error { return s.SetRole(ctx, o.ID, stranger.ID, org.RoleViewer) }, db.ErrNotFound},
			{"promote editor", func() error { return s.SetRole(ctx, o.ID, ed.ID, org.RoleTreasurer) }, nil},
			{"transfer by non-owner", func() error { return s.TransferOwnership(ctx, o.ID, ed.ID, owner.ID) }, org.ErrNotOwner},
			{"transfer to non-member", func() error { return s.TransferOwnership(ctx, o.ID, owner.ID, stranger.ID) }, db.ErrNotFound},
			{"transfer", func() error { return s.TransferOwnership(ctx, o.ID, owner.ID, ed.ID) }, nil},
			{"old owner may now leave", func() error { return s.Remove(ctx, o.ID, owner.ID) }, nil},
			{"new owner cannot leave", func() error { return s.Remove(ctx, o.ID, ed.ID) }, org.ErrLastOwner},
		} {
			if err := tc.do(); !errors.Is(err, tc.want) {
				t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
			}
		}
		if r, _ := s.RoleOf(ctx, o.ID, ed.ID); r != org.RoleOwner {
			t.Errorf("new owner role %q", r)
		}
		ms, err := s.Members(ctx, o.ID)
		if err != nil || len(ms) != 1 || ms[0].UserID != ed.ID {
			t.Errorf("members %+v, %v", ms, err)
		}
		mine, err := s.MembershipsOf(ctx, ed.ID)
		if err != nil || len(mine) != 1 || mine[0].Org.Slug != o.Slug || mine[0].Role != org.RoleOwner {
			t.Errorf("memberships %+v, %v", mine, err)
		}
	})
}

func TestTransferKeepsPreviousOwnerAsAdmin(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &org.Store{DB: d}
		a, b := newUser(t, d, "a@example.org"), newUser(t, d, "b@example.org")
		o, _ := s.Create(ctx, a.ID, input("Patroli Api"))
		if err := s.AddMember(ctx, o.ID, b.ID, org.RoleViewer); err != nil {
			t.Fatal(err)
		}
		if err := s.TransferOwnership(ctx, o.ID, a.ID, b.ID); err != nil {
			t.Fatal(err)
		}
		ra, _ := s.RoleOf(ctx, o.ID, a.ID)
		rb, _ := s.RoleOf(ctx, o.ID, b.ID)
		if ra != org.RoleAdmin || rb != org.RoleOwner {
			t.Errorf("after transfer: a=%s b=%s", ra, rb)
		}
	})
}

func TestInvitations(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s := &org.Store{DB: d}
		owner := newUser(t, d, "owner@example.org")
		invitee := newUser(t, d, "relawan@example.org")
		other := newUser(t, d, "lain@example.org")
		o, _ := s.Create(ctx, owner.ID, input("Lumbung Air Hujan"))
		if _, _, err := s.Invite(ctx, d, o.ID, owner.ID, "x@example.org", org.RoleOwner); !errors.Is(err, org.ErrInvalidRole) {
			t.Errorf("owner invitation: %v", err)
		}
		token, inv, err := s.Invite(ctx, d, o.ID, owner.ID, " Relawan@Example.ORG ", org.RoleEditor)
		if err != nil {
			t.Fatal(err)
		}
		if inv.Email != "relawan@example.org" || inv.ExpiresAt.Sub(inv.CreatedAt) != org.InvitationTTL {
			t.Errorf("invitation %+v", inv)
		}
		var stored int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM invitations WHERE token_hash = ?`, token).Scan(&stored); err != nil || stored != 0 {
			t.Errorf("token stored in clear: %d, %v", stored, err)
		}
		if list, _ := s.InvitationsFor(ctx, "RELAWAN@example.org"); len(list) != 1 || list[0].OrgName != "Lumbung Air Hujan" {
			t.Errorf("InvitationsFor %+v", list)
		}
		if _, err := s.Accept(ctx, token, other); !errors.Is(err, org.ErrWrongInvitee) {
			t.Errorf("wrong invitee: %v", err)
		}
		if _, err := s.Accept(ctx, "nope", invitee); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("bad token: %v", err)
		}
		if _, err := s.Accept(ctx, token, invitee); err != nil {
			t.Fatal(err)
		}
		if r, _ := s.RoleOf(ctx, o.ID, invitee.ID); r != org.RoleEditor {
			t.Errorf("role after accept %q", r)
		}
		if _, err := s.Accept(ctx, token, invitee); !errors.Is(err, org.ErrInvitationUsed) {
			t.Errorf("second use: %v", err)
		}
		if list, _ := s.Invitations(ctx, o.ID); len(list) != 0 {
			t.Errorf("accepted invitation still open: %+v", list)
		}
		// An expired invitation is refused.
		token2, inv2, _ := s.Invite(ctx, d, o.ID, owner.ID, "lain@example.org", org.RoleViewer)
		if _, err := d.Exec(ctx, `UPDATE invitations SET expires_at = ? WHERE id = ?`, db.Now().Add(-time.Minute), inv2.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Accept(ctx, token2, other); !errors.Is(err, org.ErrInvitationExpired) {
			t.Errorf("expired: %v", err)
		}
	})
}
