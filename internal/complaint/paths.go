package complaint

// StatusPath is the complainant's status page.
func StatusPath(code string) string { return "/pengaduan/" + code }

// StaffPath is the complaint's page for the organisation's staff.
func StaffPath(orgSlug, code string) string { return "/organisasi/" + orgSlug + "/pengaduan/" + code }

// EscalationsPath is the hub coordinators' list of escalated complaints.
func EscalationsPath(hubSlug string) string { return "/simpul/" + hubSlug + "/pengaduan" }

// PublicLogPath is the organisation's public log of complaints.
func PublicLogPath(orgSlug string) string { return "/organisasi/" + orgSlug + "/pengaduan-publik" }

// InitiativeLogPath is an initiative's public log of complaints.
func InitiativeLogPath(slug string) string { return "/inisiatif/" + slug + "/pengaduan-publik" }
