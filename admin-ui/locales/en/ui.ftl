## The node's web UI. Placeables: $admin is an administration code (NL, WCO), $user a user name.

app-name = nCEN
app-title = nCEN · { $admin }
role-hub = WCO hub
role-national = National node
footer = nCEN · Customs Enforcement Network

## Navigation

nav-dashboard = Dashboard
nav-peers = Peers
nav-agreements = Agreements
nav-users = Users
nav-audit = Audit log
nav-account = My account
nav-logout = Log out
nav-language = Language
nav-skip = Skip to content
list-separator = {", "}
action-change = Change

## Roles

role-administrator = Administrator
role-national_contact_point = National contact point
role-officer = Officer
role-analyst = Analyst
role-auditor = Auditor
role-supervisor = Supervisor

## Login

login-title = Log in
login-intro = Log in to the { $admin } node with the account your national contact point gave you.
login-username = User name
login-password = Password
login-totp = One-time code
login-totp-hint = The six digits your authenticator app shows for this account.
login-submit = Log in
login-failed = Wrong user name or password.
login-blocked = This account is blocked after { $count } wrong passwords. Ask your national contact point to unblock it.
login-inactive = This account was inactivated after { $days } days unused. Ask your national contact point to reactivate it.
login-deactivated = This account is deactivated. Ask your national contact point.
login-totp-required = Enter the one-time code from your authenticator app.
login-totp-wrong = The one-time code is wrong or has expired.
login-logged-out = You are logged out.
login-expired = Your session has ended. Log in again.

## Notices on every page

notice-password-expires = Your password expires on { $date }. Change it in My account before then.
notice-password-change-required = You must choose a new password before you continue.
notice-saved = Saved.

## Errors

error-title = Something went wrong
error-forbidden-title = Not allowed
error-forbidden = Your role ({ $role }) may not open this page or do this.
error-not-found-title = Not found
error-not-found = There is no such page.
error-csrf = This form has expired or did not come from this site. Reload the page and try again.
error-internal = The node could not complete this. The details are in its log.
error-network-off = This node runs without its network: peers and agreements are unavailable.
error-back = Back to the dashboard

## Form validation, next to the field

field-required = Required.
field-too-long = At most { $max } characters.
field-bad-administration = Use a two-letter ISO country code such as BE.
field-bad-peer-id = Not a PeerId: it starts with 12D3KooW and is given by the other node's administrator.
field-bad-address = Not a libp2p address such as /ip4/192.0.2.20/tcp/4001.
field-bad-date = Use a date like 2026-12-31.
field-date-order = Must be after the start date.
field-choose-kind = Choose at least one kind of record.
field-bad-username = 3 to 64 lowercase letters, digits, dots, dashes or underscores.
field-username-taken = This user name is already taken.
field-password-length = At least { $min } characters.
field-password-mismatch = The two passwords differ.
field-password-same = Must differ from the current password.
field-password-wrong = This is not your current password.
field-bad-totp = Six digits from the authenticator app.
field-not-allowed = You may not give this role.
field-server = { $message }

## Dashboard

dash-title = Dashboard
dash-identity = This node
dash-administration = Administration
dash-node-role = Role
dash-peer-id = PeerId
dash-public-key = Public key (Ed25519)
dash-listening = Listening on
dash-version = Version
dash-hub = WCO hub
dash-hub-none = No hub configured: this node exchanges only with the peers below.
dash-hub-self = This node is the WCO hub.
dash-connected = Connected
dash-disconnected = Not connected
dash-peers = Peers and replication
dash-no-peers = No peers yet. An administrator adds them under Peers.
dash-records = Records held, by origin
dash-no-records = No records yet.
dash-seizures = Seizures
dash-suspects = Suspects
dash-companies = Companies
dash-own = { $admin } (this node)
dash-revisions = Record revisions signed
dash-audit-entries = Audit log entries
dash-agreements-active = Active agreements
dash-agreements-waiting = Proposals waiting for you

## Peers

peers-title = Peers
peers-intro = Peers are the other nodes this node talks to. A node accepts a connection only from its peers, from the hub and from members of the hub's directory, and exchanges records only under an active agreement.
peers-administration = Administration
peers-peer-id = PeerId
peers-addresses = Addresses
peers-source = Known from
peers-source-peers = Added here
peers-source-directory = Hub directory
peers-source-hub = Hub
peers-state = Connection
peers-last-seen = Last seen
peers-never = never
peers-lag-in = Waiting to arrive
peers-lag-out = Waiting to leave
peers-lag-unknown = unknown
peers-none = No peers yet.
peers-add = Add a peer
peers-add-help = Ask the other administration's node administrator for its PeerId and address.
peers-address-help = One per line, e.g. /ip4/192.0.2.20/tcp/4001
peers-submit = Add peer
peers-remove = Remove
peers-remove-confirm = Remove { $admin } from this node's peers? Records already received stay; nothing more is exchanged unless the hub directory lists it.
peers-added = Peer { $admin } added.
peers-removed = Peer { $admin } removed.
peers-pull = Pull now
peers-pulled = { $count } entries received from { $admin }.
peers-pull-failed = { $admin } could not be reached: { $message }

## Agreements

agr-title = Agreements
agr-intro = An agreement is the legal basis for exchanging records with one other administration. It is signed by the proposing node, countersigned by the other, and can be revoked by either at any time.
agr-incoming = Proposals waiting for your answer
agr-outgoing = Your proposals waiting for an answer
agr-current = Agreements in force
agr-past = Ended, rejected and not yet valid
agr-none = None.
agr-peer = With
agr-legal-basis = Legal basis
agr-scope = What flows
agr-validity = Valid
agr-valid-from = From
agr-valid-until = Until (optional)
agr-open-ended = open-ended
agr-state = State
agr-state-proposed = Proposed
agr-state-active = Active
agr-state-pending = Not yet valid
agr-state-expired = Expired
agr-state-rejected = Rejected
agr-state-revoked = Revoked
agr-delivered = The other node holds this version.
agr-undelivered = Not yet delivered to the other node; it will be sent when it connects.
agr-propose = Propose an agreement
agr-propose-help = The proposal is signed by this node and sent to the other node, whose administrator accepts or rejects it. Nothing flows before it is accepted.
agr-kinds = Records
agr-kind-seizures = Seizures
agr-kind-suspects = Suspects
agr-kind-companies = Companies
agr-direction = Direction
agr-direction-both = Both ways
agr-direction-out = Only from { $me } to the other administration
agr-direction-in = Only from the other administration to { $me }
agr-commodities = Commodities (seizures only)
agr-commodities-help = Leave empty for every commodity. A category includes all its types.
agr-commodities-all = every commodity
agr-flow-commodities = { $kinds } (seizures of { $commodities } only)
agr-nothing-flows = Nothing flows.
agr-submit = Sign and propose
agr-proposed = Proposal sent to { $admin }.
agr-accept = Accept and countersign
agr-reject = Reject
agr-revoke = Revoke…
agr-reason = Reason (optional)
agr-accepted = Agreement with { $admin } accepted: records now flow as shown.
agr-rejected = Proposal from { $admin } rejected.
agr-revoked = Agreement with { $admin } revoked: nothing more flows under it.
agr-revoke-title = Revoke this agreement?
agr-revoke-warning = From the moment you confirm, no record flows between { $a } and { $b } under this agreement, in either direction. The other node is told at once. This cannot be undone: a new agreement needs a new proposal and acceptance.
agr-revoke-confirm = Yes, revoke it
agr-cancel = Cancel
agr-signatures = Signatures
agr-signed-by = Signed by { $admin }
agr-fingerprint = SHA-256 of the signature
agr-proposed-at = Proposed
agr-accepted-at = Accepted
agr-rejected-at = Rejected
agr-revoked-at = Revoked by { $admin }
agr-details = Details
agr-id = Identifier
agr-no-peers = Add a peer first: an agreement is made with a known administration.

## Users

users-title = Users
users-intro = Accounts are blocked after { $count } wrong passwords, inactivated after { $days } days unused, and their passwords expire after { $age } days.
users-username = User name
users-display-name = Full name
users-role = Role
users-state = State
users-last-login = Last login
users-password-expires = Password expires
users-actions = Actions
users-state-active = Active
users-state-blocked = Blocked
users-state-inactive = Inactive
users-state-deactivated = Deactivated
users-must-change = must change password
users-expiring = expires soon
users-totp = two-factor
users-create = Create an account
users-password = Initial password
users-password-help = The user must change it at first login. At least { $min } characters.
users-submit = Create account
users-created = Account { $user } created.
users-unblock = Unblock
users-unblocked = Account { $user } unblocked.
users-reset = Reset password
users-reset-done = New temporary password for { $user }: { $password } — give it to them in person; it is shown only once.
users-deactivate = Deactivate
users-deactivated = Account { $user } deactivated; its sessions have ended.
users-reactivate = Reactivate
users-reactivated = Account { $user } reactivated.
users-set-role = Change role
users-role-changed = { $user } is now { $role }.
users-none = No accounts.

## Audit log

audit-title = Audit log
audit-intro = Every login, account change, record write and read, and every exchange with another node is written here, each entry chained to the one before by its hash.
audit-seq = No.
audit-time = Time
audit-actor = Who
audit-action = Action
audit-outcome = Outcome
audit-target = Target
audit-detail = Detail
audit-filter = Filter
audit-filter-actor = Who
audit-filter-action = Action starts with
audit-filter-outcome = Outcome
audit-filter-any = any
audit-filter-from = From
audit-filter-to = To
audit-apply = Apply
audit-older = Older entries
audit-newer = Newest entries
audit-none = No entry matches.
audit-verify = Verify the chain
audit-valid = The chain is intact: { $count } entries, head { $hash }.
audit-invalid = The chain is broken: { $problem }
audit-outcome-ok = ok
audit-outcome-denied = denied
audit-outcome-failed = failed

## My account

account-title = My account
account-profile = Profile
account-language = Language
account-language-help = The language of the pages, of code-list labels, dates and numbers.
account-language-saved = Language saved.
account-password = Change password
account-current-password = Current password
account-new-password = New password
account-repeat-password = New password again
account-password-help = At least { $min } characters. It expires after { $days } days.
account-password-submit = Change password
account-password-changed = Password changed.
account-totp = Two-factor authentication
account-totp-off = Not enabled. With it, logging in also asks for a one-time code from an authenticator app.
account-totp-on = Enabled: logging in asks for a one-time code.
account-totp-start = Set up two-factor authentication
account-totp-scan = Scan this code with your authenticator app, or enter the key by hand, then type the six digits it shows.
account-totp-key = Key
account-totp-code = Code from the app
account-totp-enable = Enable
account-totp-enabled = Two-factor authentication enabled.
account-totp-disable = Disable two-factor authentication
account-totp-disabled = Two-factor authentication disabled.

## Search (officers and analysts)

nav-search = Search
search-title = Search
search-box = Search text
search-placeholder = Names, descriptions, places, references… in any language
search-kind = Kind of record
search-kind-all = All records
search-submit = Search
search-facets = Refine
search-remove-filter = Remove this filter
search-total = { $count } records
search-none = Nothing matches. Remove a filter or try other words.
search-help = Type words from a description, a name, a place or a reference, or pick a kind of record. Accents and letter case do not matter.
search-statistics = Statistics of these results
search-previous = Previous
search-next = Next
search-col-kind = Kind
search-col-date = Date
search-col-record = Record
search-col-origin = Origin
search-too-long = At most 500 characters.
search-bad-query = This search cannot be read: { $message }
facet-kind = Kind of record
facet-commodity = Commodity
facet-country = Country
facet-route_country = Route country
facet-origin = Origin
facet-conveyance = Conveyance
facet-concealment = Concealment
facet-detection_method = Detection method
facet-year = Year

## One record

record-revision = revision { $revision }
record-foreign = Received from { $admin } under an agreement: read-only here. Only { $admin } can correct or delete it.
record-deleted = This record was deleted by its origin.
record-general = General
record-goods = Goods
record-route = Route
record-offenders = Offenders
record-photos = Photos
record-identity = Identity
record-documents = Identity documents
record-addresses = Addresses
field-national-reference = National reference
field-date = Date
field-place = Place
field-location-type = Type of location
field-country = Country
field-direction = Direction
field-detection-method = Detection method
field-conveyance = Conveyance
field-conveyance-id = Conveyance identifier
field-concealment = Concealment
field-departure = Departure
field-transit = Transit
field-destination = Destination
field-commodity = Commodity
field-description = Description
field-quantity = Quantity
field-unit = Unit
field-value = Value
field-summary = Summary
field-remarks = Remarks
field-family-name = Family name
field-given-names = Given names
field-aliases = Aliases
field-date-of-birth = Date of birth
field-place-of-birth = Place of birth
field-nationality = Nationality
field-sex = Sex
field-age = Age
field-document-kind = Document
field-document-number = Number
field-issuing-country = Issued by
field-expiry = Expires
field-name = Name
field-registration = Registration numbers
field-role = Role
field-city = City
field-street = Street
field-photo-kind = Kind
field-photo-caption = Caption

## Statistics and export of a search

stats-title = Statistics
stats-intro = Counts of the records matching the search below, by each of their characteristics.
stats-back = Back to the results
stats-by-year = Seizures by year
stats-by-commodity = Seizures by commodity
stats-by-route = Top route countries
stats-by-detection = Detection methods
stats-by-conveyance = Conveyances
stats-by-concealment = Concealment methods
stats-by-origin = By origin administration
stats-by-country = By country of the seizure
stats-quantities = Quantities by commodity
stats-quantities-month = Quantities by month
stats-records = Records
stats-share = Share
stats-none = No record matches this search.
stats-chart-missing = The chart could not be drawn; the table gives the figures.
export-xlsx = Export to Excel (XLSX)
export-csv = Export to CSV
export-capped = The export holds the first { $count } results.

## Entering records (officers)

nav-new-seizure = New seizure
form-new-seizure = New seizure
form-edit-seizure = Correct a seizure
form-choose = Choose…
form-has-errors = Some fields need your attention; each is marked below.
form-multi-help = Hold Ctrl (or ⌘) to choose several, in order of the route.
field-postal-code = Postal code
field-scheme = Scheme (e.g. EORI, VAT)
form-new-suspect = New suspect
form-new-company = New company
form-edit-suspect = Correct a suspect
form-edit-company = Correct a company
form-link-help = Type the national reference of a suspect or company this node holds (as BE/BE-2026-000042 for another administration's); the list suggests recent ones.
form-suspect = Suspect
form-companies = Companies involved
form-unknown-record = No such record at this node.
form-add-line = Add a goods line
form-summary-help = Non-nominal: it goes to the WCO's global CEN database.
form-remarks-help = Nominal: it stays in this administration and goes only where an agreement allows.
form-save = Sign and save
form-save-revision = Sign and save a new revision
form-saved = Seizure { $reference } saved and signed.
form-stale = Someone saved a newer revision of this seizure meanwhile. Reload it and correct it again.
form-duplicate = This national reference is already used by another seizure.
form-not-a-number = Write a number, e.g. 12.5
field-currency = Currency
record-edit = Correct

## Bulk upload (officers)

nav-import = Upload
import-title = Upload records
import-intro = Seizures, suspects and companies from a national system, in the standard template: every row is checked against the code lists, valid rows are signed and stored, invalid ones are listed with their row number and reason. Uploading the same file again adds nothing.
import-template = The standard template
import-template-help = One workbook with a sheet per kind of record, an example row in each, and drop-down lists of the codes.
import-template-download = Download the template (XLSX)
import-upload = Upload a file
import-file = File
import-file-help = The workbook (XLSX), one sheet as CSV, or the CSV files in a ZIP archive; at most { $max } MiB.
import-sheet = Sheet of a CSV file
import-sheet-help = Only for a single CSV file: which sheet of the template it holds.
import-dry-run = Dry run
import-dry-run-help = Check only: store nothing, report every error.
import-submit = Upload
import-no-file = Choose a file to upload.
import-busy = Too many uploads are running at this node; try again in a minute.
import-report = Upload report
import-report-dry = Dry-run report
import-reading = Reading the file: { $rows } rows read.
import-storing = Checking and storing: { $done } of { $total } rows.
import-read = Read
import-valid = Valid
import-invalid = Invalid
import-created = Stored now
import-existing = Already here
import-dry-done = Nothing was stored. Upload the file again without “Dry run” to store the valid rows.
import-invalid-rows = Rows refused: { $count }
import-col-sheet = Sheet
import-col-row = Row
import-col-column = Column
import-col-reason = Reason
import-more-invalid = Only the first 500 refusals are shown here; the API's report lists up to 10,000.

## Investigations (officers and supervisors)

nav-investigations = Investigations
inv-title = Investigations
inv-none = No investigation yet.
inv-case = Case
inv-status = Status
inv-assignees = Assigned officers
inv-updated = Last change
inv-yours = assigned to you
inv-open = Open an investigation
inv-case-title = Title
inv-summary = Summary
inv-open-submit = Open
inv-opened = Opened by { $user } on { $date }
inv-nobody = Nobody yet.
inv-assign = Assign officers
inv-assign-submit = Assign
inv-links = Linked records
inv-no-links = No record linked yet.
inv-link-kind = Kind of record
inv-link-reference = National reference or identifier
inv-link-help = A reference of this administration (NL-2026-000123), of another one as BE/BE-2026-000042, or the record's identifier.
inv-link-submit = Link
inv-link-unknown = No such record at this node.
inv-thread = Thread
inv-note = Note
inv-attachment = Attachment (optional)
inv-note-submit = Add to the thread
inv-status-open = Open
inv-status-assigned = Assigned
inv-status-in_progress = In progress
inv-status-suspended = Suspended
inv-status-closed = Closed
inv-move-in_progress = Start work
inv-move-suspended = Suspend
inv-move-closed = Close
inv-move-open = Reopen
inv-move-assigned = Back to assigned
inv-entry-opened = opened the case
inv-entry-note = wrote
inv-entry-assigned = assigned
inv-entry-status = changed the status
inv-entry-linked = linked a record

## Search-as-you-type in the seizure form's suspect and company fields
suggest-help = Or type part of a name: the suspects and companies that match are offered as you type.
suggest-signed-out = Your session has ended: log in again to get suggestions.
suggest-password-change = Change your password on the My account page first.
suggest-unknown-collection = Suggestions are offered for suspects and companies only.
suggest-too-long = Type at most { $max } characters.
suggest-bad-query = This request for suggestions cannot be read.
suggest-unavailable = Suggestions are not available at the moment; type the national reference instead.

## Photos of records
photo-file = Image file
photo-file-help = JPEG or PNG, at most { $max } MiB. The type is read from the file itself, not from its name.
photo-kind-help = Persons and documents are nominal: they leave this node only under an agreement covering the record. Goods, concealment and X-ray photos also reach the WCO hub.
photo-add = Add the photo
photo-remove = Remove
photo-remove-confirm = Remove this photo from the record? A new revision is signed.
photo-not-held = Not received yet
photo-added = The photo was added: a new revision of the record was signed.
photo-removed = The photo was removed: a new revision of the record was signed.
photo-error-empty = Choose a file.
photo-error-too-large = The file is too large.
photo-error-type = The file is not a JPEG or PNG image, whatever its name says.
photo-error-pixels = The image has too many pixels.
photo-error-damaged = The image is damaged or incomplete.
photo-error-duplicate = This photo is already on the record.
photo-error-stale = Someone saved a newer revision of this record meanwhile. Try again.
facet-photo_kind = Photo kind
search-view = Show the results as
search-view-list = List
search-view-photos = Photos
search-photos-none = None of the records on this page has a photo of that kind. Narrow the search with the photo kind facet.
