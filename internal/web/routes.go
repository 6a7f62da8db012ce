package web

import (
	"net/http"

	"lokadaya/internal/web/collab"
	"lokadaya/internal/web/explore"
	"lokadaya/internal/web/learning"
	opendataweb "lokadaya/internal/web/opendata"
	"lokadaya/internal/web/voice"
)

// routes registers every route of the application. Each handler checks the
// caller's rights itself (see auth.go); this table is the map of the site.
func (s *Server) routes(mux *http.ServeMux) {
	s.patterns = nil
	routes := routedMux{mux, &s.patterns}
	handle := routes.HandleFunc

	// Operations.
	handle("GET /healthz", s.healthz)
	handle("GET /readyz", s.readyz)
	handle("GET /metrics", s.metricsPage)
	mux.Handle("GET /static/", staticHandler())
	mux.Handle("GET /favicon.ico", faviconHandler())

	// Public pages.

	// The development cycle framework: public explanation and its API.
	handle("GET /siklus", s.frameworkPage)
	handle("GET /api/v1/framework", s.apiFramework)

	// Regions (wilayah): public pages and the reference-data API.
	handle("GET /wilayah", s.regionSearch)
	handle("GET /tentang-data", s.aboutData)
	handle("GET /api/v1/regions", s.apiRegions)
	handle("GET /api/v1/regions/{code}", s.apiRegion)

	// Organisations (OMS): directory, profiles, members, invitations.
	handle("GET /organisasi", s.orgList)
	handle("GET /organisasi/baru", s.orgNew)
	handle("POST /organisasi/baru", s.orgCreate)
	handle("GET /organisasi/{slug}", s.orgShow)
	handle("GET /organisasi/{slug}/ubah", s.orgEdit)
	handle("POST /organisasi/{slug}/ubah", s.orgUpdate)
	handle("GET /organisasi/{slug}/dokumen", s.orgDocuments)
	handle("POST /organisasi/{slug}/dokumen", s.orgDocumentUpload)
	handle("GET /organisasi/{slug}/dokumen/{kind}", s.orgDocument)
	handle("GET /organisasi/{slug}/anggota", s.orgMembers)
	handle("POST /organisasi/{slug}/anggota/{userID}/peran", s.orgMemberRole)
	handle("POST /organisasi/{slug}/anggota/{userID}/hapus", s.orgMemberRemove)
	handle("POST /organisasi/{slug}/undangan", s.orgInvite)
	handle("GET /organisasi/{slug}/alih-kepemilikan", s.orgTransferForm)
	handle("POST /organisasi/{slug}/alih-kepemilikan", s.orgTransfer)
	handle("GET /undangan/{token}", s.invitationShow)
	handle("POST /undangan/{token}", s.invitationAccept)
	handle("GET /dasbor", s.dashboard)
	handle("GET /organisasi/{slug}/dasbor", s.orgDashboard)
	handle("GET /media/{key...}", s.media)
	handle("GET /api/v1/organizations", s.apiOrganizations)
	handle("GET /api/v1/organizations/{slug}", s.apiOrganization)
	handle("GET /api/v1/organizations/{slug}/ledger", s.apiLedger)
	handle("GET /api/v1/organizations/{slug}/ledger/verify", s.apiLedgerVerify)

	// Public financial reports from the open books, their files and receipts.
	handle("GET /organisasi/{slug}/laporan", s.orgReport)
	handle("GET /galang-daya/{cslug}/laporan", s.campaignReport)
	handle("GET /inisiatif/{slug}/laporan", s.initiativeReport)
	handle("GET /organisasi/{slug}/buku/{seq}/kuitansi", s.ledgerReceipt)
	handle("GET /organisasi/{slug}/buku/periksa", s.ledgerCheck)
	handle("GET /api/v1/campaigns/{slug}/report", s.apiCampaignReport)

	// Hubs (simpul) and verification: public pages, coordinators' review.
	handle("GET /simpul", s.hubList)
	handle("GET /simpul/saya", s.hubMine)
	handle("GET /simpul/{slug}", s.hubShow)
	handle("GET /simpul/{slug}/tinjau", s.hubQueue)
	handle("GET /simpul/{slug}/tinjau/{orgSlug}", s.hubReview)
	handle("POST /simpul/{slug}/tinjau/{orgSlug}", s.hubDecide)

	// Development cycle workspace: cycles, stages, answers, moves.
	handle("GET /organisasi/{slug}/siklus", s.cycleList)
	handle("POST /organisasi/{slug}/siklus/mulai", s.cycleStart)
	handle("GET /organisasi/{slug}/siklus/bandingkan", s.cycleCompare)
	handle("GET /organisasi/{slug}/siklus/{n}", s.cycleOverview)
	handle("GET /organisasi/{slug}/siklus/{n}/cetak", s.cyclePrint)
	handle("GET /organisasi/{slug}/siklus/{n}/cetak.pdf", s.cyclePrintPDF)
	handle("POST /organisasi/{slug}/siklus/{n}/lanjut", s.cycleAdvance)
	handle("POST /organisasi/{slug}/siklus/{n}/kembali", s.cycleBack)
	handle("POST /organisasi/{slug}/siklus/{n}/siklus-berikutnya", s.cycleNext)
	handle("GET /organisasi/{slug}/siklus/{n}/tahap/{stage}", s.cycleStage)
	handle("POST /organisasi/{slug}/siklus/{n}/tahap/{stage}/jawaban/{key}", s.cycleAnswerSave)
	handle("GET /organisasi/{slug}/siklus/{n}/tahap/{stage}/jawaban/{key}/riwayat", s.cycleAnswerHistory)
	handle("POST /organisasi/{slug}/siklus/{n}/tahap/{stage}/lampiran", s.cycleAttachmentUpload)
	handle("GET /organisasi/{slug}/siklus/{n}/tahap/{stage}/lampiran/{id}", s.cycleAttachment)
	handle("POST /organisasi/{slug}/siklus/{n}/tahap/{stage}/komentar", s.cycleComment)

	// The stages' working tools and the initiatives (stage 3), public
	// initiative pages and their API.
	handle("GET /organisasi/{slug}/siklus/{n}/tahap/1/pendanaan", s.toolFunding)
	handle("POST /organisasi/{slug}/siklus/{n}/tahap/1/pendanaan", s.toolFundingSave)
	// Stage 6: surplus per initiative and period, and its allocation.
	handle("GET /organisasi/{slug}/surplus", s.surplusShow)
	handle("POST /organisasi/{slug}/surplus", s.surplusAllocate)
	handle("GET /organisasi/{slug}/siklus/{n}/tahap/2/aset", s.toolAssets)
	handle("GET /organisasi/{slug}/siklus/{n}/tahap/2/aset/baru", s.toolAssetNew)
	handle("POST /organisasi/{slug}/siklus/{n}/tahap/2/aset/baru", s.toolAssetCreate)
	handle("GET /organisasi/{slug}/siklus/{n}/tahap/2/aset/{id}/ubah", s.toolAssetEdit)
	handle("POST /organisasi/{slug}/siklus/{n}/tahap/2/aset/{id}/ubah", s.toolAssetUpdate)
	handle("POST /organisasi/{slug}/siklus/{n}/tahap/2/aset/{id}/hapus", s.toolAssetDelete)
	handle("GET /organisasi/{slug}/siklus/{n}/tahap/3/inisiatif", s.initiativeList)
	handle("GET /organisasi/{slug}/siklus/{n}/tahap/3/inisiatif/baru", s.initiativeNew)
	handle("POST /organisasi/{slug}/siklus/{n}/tahap/3/inisiatif/baru", s.initiativeCreate)
	handle("GET /organisasi/{slug}/siklus/{n}/tahap/3/inisiatif/{islug}/ubah", s.initiativeEdit)
	handle("POST /organisasi/{slug}/siklus/{n}/tahap/3/inisiatif/{islug}/ubah", s.initiativeUpdate)
	handle("POST /organisasi/{slug}/siklus/{n}/tahap/3/inisiatif/{islug}/terbitkan", s.initiativePublish)
	handle("POST /organisasi/{slug}/siklus/{n}/tahap/3/inisiatif/{islug}/tarik", s.initiativeUnpublish)
	handle("GET /organisasi/{slug}/siklus/{n}/tahap/{stage}/tinjauan", s.toolReview)
	handle("POST /organisasi/{slug}/siklus/{n}/tahap/{stage}/tinjauan", s.toolReviewSave)
	handle("GET /inisiatif", s.initiativeIndex)
	handle("GET /inisiatif/{slug}", s.initiativeShow)
	handle("GET /api/v1/initiatives", s.apiInitiatives)
	handle("GET /api/v1/initiatives/{slug}", s.apiInitiative)

	// Galang Daya: campaigns of published initiatives, managed by the
	// organisation's writers; public pages and their API.
	handle("GET /organisasi/{slug}/galang-daya", s.campaignManage)
	handle("GET /organisasi/{slug}/galang-daya/baru", s.campaignNew)
	handle("POST /organisasi/{slug}/galang-daya/baru", s.campaignCreate)
	handle("GET /organisasi/{slug}/galang-daya/{cslug}/ubah", s.campaignEdit)
	handle("POST /organisasi/{slug}/galang-daya/{cslug}/ubah", s.campaignUpdate)
	handle("POST /organisasi/{slug}/galang-daya/{cslug}/terbitkan", s.campaignPublish)
	handle("GET /organisasi/{slug}/galang-daya/{cslug}/batalkan", s.campaignCancelConfirm)
	handle("POST /organisasi/{slug}/galang-daya/{cslug}/batalkan", s.campaignCancel)
	handle("POST /organisasi/{slug}/galang-daya/{cslug}/kabar", s.campaignPostUpdate)
	handle("GET /organisasi/{slug}/galang-daya/{cslug}/efektivitas", s.campaignEffect)
	handle("GET /galang-daya", s.campaignIndex)
	handle("GET /galang-daya/{cslug}", s.campaignShow)
	handle("GET /kabar/berhenti/{token}", s.newsStop)
	handle("POST /kabar/berhenti/{token}", s.newsStopConfirm)
	handle("GET /api/v1/campaigns", s.apiCampaigns)
	handle("GET /api/v1/campaigns/{slug}", s.apiCampaign)

	// Payment settings: where an organisation receives money.
	handle("GET /organisasi/{slug}/pembayaran", s.paymentSettings)
	handle("POST /organisasi/{slug}/pembayaran/rekening", s.paymentAccountAdd)
	handle("POST /organisasi/{slug}/pembayaran/rekening/{id}/nonaktifkan", s.paymentAccountDeactivate)
	handle("POST /organisasi/{slug}/pembayaran/qris", s.paymentQRISSave)
	handle("POST /organisasi/{slug}/pembayaran/qris/konfirmasi", s.paymentQRISConfirm)

	// Donations by bank transfer: anyone gives, the treasurer confirms.
	handle("POST /galang-daya/{cslug}/donasi", s.donationGive)
	handle("GET /donasi/{token}", s.donationShow)
	handle("GET /donasi/{token}/qris.png", s.donationQRISImage)
	handle("GET /donasi/{token}/kuitansi.pdf", s.donationReceipt)
	handle("GET /kuitansi/{number}", s.receiptVerify)
	handle("GET /organisasi/{slug}/donasi", s.donationManage)
	handle("POST /organisasi/{slug}/donasi/{id}/konfirmasi", s.donationConfirm)
	handle("POST /organisasi/{slug}/donasi/{id}/tolak", s.donationReject)
	handle("POST /donasi/{token}/bukti", s.donationProofUpload)
	handle("GET /organisasi/{slug}/donasi/bukti/{id}", s.donationProof)
	handle("GET /organisasi/{slug}/donasi/impor", s.donationImport)
	handle("POST /organisasi/{slug}/donasi/impor", s.donationImportUpload)
	handle("GET /organisasi/{slug}/donasi/impor/contoh/{bank}", s.donationImportSample)
	handle("GET /organisasi/{slug}/donasi/impor/{id}", s.donationImportShow)
	handle("POST /organisasi/{slug}/donasi/impor/{id}/konfirmasi", s.donationImportConfirm)
	handle("POST /organisasi/{slug}/donasi/impor/{id}/buang", s.donationImportDiscard)
	handle("GET /organisasi/{slug}/pengeluaran", s.expenseList)
	handle("POST /organisasi/{slug}/pengeluaran", s.expenseCreate)
	handle("POST /organisasi/{slug}/pengeluaran/{id}/setujui", s.expenseApprove)
	handle("POST /organisasi/{slug}/pengeluaran/{id}/tolak", s.expenseReject)
	handle("POST /organisasi/{slug}/pengeluaran/{id}/koreksi", s.expenseCorrect)
	handle("GET /organisasi/{slug}/pengeluaran/{id}/bukti", s.expenseReceipt)
	handle("GET /organisasi/{slug}/pengeluaran/{id}/bukti-kas.pdf", s.expenseVoucher)
	// The payment gateway's notifications; in demo mode, its sandbox.
	handle("POST /api/v1/payments/{provider}/notify", s.paymentNotify)
	handle("/sandbox/", s.sandboxPages)

	// Offers of expertise and partnership: anyone offers, a private link
	// keeps the thread, the organisation answers and decides.
	handle("GET /galang-daya/{cslug}/tawaran/{need}", s.offerForm)
	handle("POST /galang-daya/{cslug}/tawaran/{need}", s.offerCreate)
	handle("GET /tawaran/{token}", s.offerShow)
	handle("POST /tawaran/{token}", s.offerReply)
	handle("GET /organisasi/{slug}/galang-daya/{cslug}/tawaran", s.offerManage)
	handle("GET /organisasi/{slug}/tawaran/{id}", s.offerOrgShow)
	handle("POST /organisasi/{slug}/tawaran/{id}/balas", s.offerOrgReply)
	handle("POST /organisasi/{slug}/tawaran/{id}/status", s.offerStatus)

	// Goods pledges: anyone pledges, a private link shows the status, the
	// organisation records what arrives.
	handle("GET /galang-daya/{cslug}/barang/{need}", s.goodsPledgeForm)
	handle("POST /galang-daya/{cslug}/barang/{need}", s.goodsPledge)
	handle("GET /janji-barang/{token}", s.goodsShow)
	handle("GET /organisasi/{slug}/galang-daya/{cslug}/barang", s.goodsManage)
	handle("POST /organisasi/{slug}/galang-daya/{cslug}/barang/{id}/terima", s.goodsReceive)
	handle("POST /organisasi/{slug}/galang-daya/{cslug}/barang/{id}/batal", s.goodsCancel)

	// Advocacy petitions: anyone signs, a link e-mailed to them verifies
	// the signature; the organisation counts and exports verified ones.
	handle("GET /galang-daya/{cslug}/petisi/{need}", s.petitionShow)
	handle("POST /galang-daya/{cslug}/petisi/{need}", s.petitionSign)
	handle("GET /petisi/verifikasi/{token}", s.petitionVerify)
	handle("GET /organisasi/{slug}/galang-daya/{cslug}/petisi", s.petitionManage)
	handle("GET /organisasi/{slug}/galang-daya/{cslug}/petisi/{need}/unduh", s.petitionDownload)

	// Volunteers: anyone signs up for a relawan need's slots, the
	// organisation accepts (an e-mail with an .ics file) and logs hours.
	handle("GET /galang-daya/{cslug}/relawan/{need}", s.volunteerForm)
	handle("POST /galang-daya/{cslug}/relawan/{need}", s.volunteerSignup)
	handle("GET /organisasi/{slug}/galang-daya/{cslug}/relawan", s.volunteerManage)
	handle("POST /organisasi/{slug}/galang-daya/{cslug}/relawan/waktu", s.volunteerActivity)
	handle("POST /organisasi/{slug}/galang-daya/{cslug}/relawan/{id}/terima", s.volunteerAccept)
	handle("POST /organisasi/{slug}/galang-daya/{cslug}/relawan/{id}/tolak", s.volunteerDecline)
	handle("POST /organisasi/{slug}/galang-daya/{cslug}/relawan/{id}/absen", s.volunteerAbsent)
	handle("POST /organisasi/{slug}/galang-daya/{cslug}/relawan/{id}/jam", s.volunteerHours)

	// Platform admin.
	handle("GET /admin", s.adminHome)
	handle("GET /admin/organisasi", s.adminOrgs)
	handle("POST /admin/organisasi/{slug}/tangguhkan", s.adminSuspend)
	handle("POST /admin/organisasi/{slug}/pulihkan", s.adminUnsuspend)
	handle("GET /admin/organisasi/{slug}/tinjau", s.adminReview)
	handle("POST /admin/organisasi/{slug}/tinjau", s.adminDecideReview)
	handle("GET /admin/simpul/baru", s.adminHubNew)
	handle("POST /admin/simpul/baru", s.adminHubCreate)
	handle("GET /admin/simpul/{slug}/ubah", s.adminHubEdit)
	handle("POST /admin/simpul/{slug}/ubah", s.adminHubUpdate)
	handle("GET /admin/audit", s.adminAudit)

	// Accounts: sign-up, login, password reset, the person's own data.
	handle("GET /daftar", s.signupForm)
	handle("POST /daftar", s.signup)
	handle("GET /verifikasi/{token}", s.verifyEmail)
	handle("GET /masuk", s.loginForm)
	handle("POST /masuk", s.login)
	handle("POST /keluar", s.logout)
	handle("GET /lupa-sandi", s.forgotForm)
	handle("POST /lupa-sandi", s.forgot)
	handle("GET /atur-sandi/{token}", s.resetForm)
	handle("POST /atur-sandi/{token}", s.reset)
	handle("GET /akun", s.accountPage)
	handle("POST /akun", s.accountUpdate)
	handle("POST /akun/verifikasi-ulang", s.resendVerification)
	handle("GET /akun/ekspor", s.accountExport)
	handle("GET /akun/hapus", s.accountDeleteForm)
	handle("POST /akun/hapus", s.accountDelete)
	handle("GET /akun/notifikasi", s.notifyPrefs)
	handle("POST /akun/notifikasi", s.notifyPrefsSave)
	handle("GET /notifikasi/{token}", s.notifyLinkPrefs)
	handle("POST /notifikasi/{token}", s.notifyLinkPrefsSave)
	handle("GET /privasi", s.privacy)
	handle("GET /dev/outbox", s.devOutbox)

	// Areas with their own handler package (internal/web/<area>).
	voice.Routes(routes, areaSite{s}, s.voiceStores())
	voice.ComplaintRoutes(routes, areaSite{s}, s.complaintStores())
	explore.Routes(routes, areaSite{s}, s.exploreStores())
	opendataweb.Routes(routes, areaSite{s}, s.opendataStores())
	learning.Routes(routes, areaSite{s}, s.learningStores())
	collab.Routes(routes, areaSite{s}, s.collabStores())

	handle("POST /api/v1/campaigns/{slug}/donations", s.apiDonate)
	handle("GET /api/v1/openapi.json", s.apiOpenAPI)
	handle("/api/", s.apiNotFound)
	handle("/", s.notFound)
}
