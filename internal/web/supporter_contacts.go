package web

// Supporters' e-mail addresses and phone numbers are shown only to the
// members whose work needs them (UU 27/2022: data used for its purpose
// only), never to viewers, and not to platform admins, who do not
// coordinate an organisation's supporters. The privacy notice says the
// same (privacy.support_roles).

// seesVolunteerContacts: owners, admins and editors, who accept
// volunteers, schedule them and log their hours.
func seesVolunteerContacts(a *orgAccess) bool { return a.Role.CanEditProfile() }

// seesPledgerContacts: those who arrange and record goods deliveries —
// owners, admins, editors and treasurers.
func seesPledgerContacts(a *orgAccess) bool { return goodsMark(a) }

// Offers' contacts are shown to those who answer offers (offerWrite):
// owners, admins and editors. Donors' e-mails and phones serve receipts
// only and appear on no member's page; petition exports carry no e-mail.
