## Die Weboberfläche des Knotens. Platzhalter: $admin ist ein Verwaltungscode (NL, WCO), $user ein Benutzername.

app-name = nCEN
app-title = nCEN · { $admin }
role-hub = WCO-Hub
role-national = Nationaler Knoten
footer = nCEN · Customs Enforcement Network

## Navigation

nav-dashboard = Übersicht
nav-peers = Partnerknoten
nav-agreements = Vereinbarungen
nav-users = Benutzer
nav-audit = Prüfprotokoll
nav-account = Mein Konto
nav-logout = Abmelden
nav-language = Sprache
nav-skip = Zum Inhalt springen
list-separator = {", "}
action-change = Ändern

## Rollen

role-administrator = Administrator
role-national_contact_point = Nationale Kontaktstelle
role-officer = Zollbeamter
role-analyst = Analyst
role-auditor = Prüfer
role-supervisor = Vorgesetzter

## Anmeldung

login-title = Anmelden
login-intro = Melden Sie sich beim Knoten { $admin } mit dem Konto an, das Sie von Ihrer nationalen Kontaktstelle erhalten haben.
login-username = Benutzername
login-password = Passwort
login-totp = Einmalcode
login-totp-hint = Die sechs Ziffern, die Ihre Authenticator-App für dieses Konto anzeigt.
login-submit = Anmelden
login-failed = Falscher Benutzername oder falsches Passwort.
login-blocked = Dieses Konto wurde nach { $count } falschen Passworteingaben gesperrt. Bitten Sie Ihre nationale Kontaktstelle, es zu entsperren.
login-inactive = Dieses Konto wurde nach { $days } Tagen ohne Nutzung inaktiviert. Bitten Sie Ihre nationale Kontaktstelle, es zu reaktivieren.
login-deactivated = Dieses Konto ist deaktiviert. Wenden Sie sich an Ihre nationale Kontaktstelle.
login-totp-required = Geben Sie den Einmalcode aus Ihrer Authenticator-App ein.
login-totp-wrong = Der Einmalcode ist falsch oder abgelaufen.
login-logged-out = Sie sind abgemeldet.
login-expired = Ihre Sitzung ist beendet. Melden Sie sich erneut an.

## Hinweise auf jeder Seite

notice-password-expires = Ihr Passwort läuft am { $date } ab. Ändern Sie es vorher unter Mein Konto.
notice-password-change-required = Sie müssen ein neues Passwort wählen, bevor Sie fortfahren.
notice-saved = Gespeichert.

## Fehler

error-title = Ein Fehler ist aufgetreten
error-forbidden-title = Nicht zulässig
error-forbidden = Ihre Rolle ({ $role }) berechtigt nicht dazu, diese Seite zu öffnen oder diese Aktion auszuführen.
error-not-found-title = Nicht gefunden
error-not-found = Diese Seite gibt es nicht.
error-csrf = Dieses Formular ist abgelaufen oder stammt nicht von dieser Website. Laden Sie die Seite neu und versuchen Sie es erneut.
error-internal = Der Knoten konnte diesen Vorgang nicht abschließen. Einzelheiten stehen in seinem Protokoll.
error-network-off = Dieser Knoten läuft ohne sein Netzwerk: Partnerknoten und Vereinbarungen sind nicht verfügbar.
error-back = Zurück zur Übersicht

## Formularprüfung, neben dem Feld

field-required = Pflichtfeld.
field-too-long = Höchstens { $max } Zeichen.
field-bad-administration = Verwenden Sie einen zweistelligen ISO-Ländercode wie BE.
field-bad-peer-id = Keine PeerId: Sie beginnt mit 12D3KooW und wird vom Administrator des anderen Knotens mitgeteilt.
field-bad-address = Keine libp2p-Adresse wie /ip4/192.0.2.20/tcp/4001.
field-bad-date = Verwenden Sie ein Datum wie 2026-12-31.
field-date-order = Muss nach dem Anfangsdatum liegen.
field-choose-kind = Wählen Sie mindestens eine Art von Datensätzen.
field-bad-username = 3 bis 64 Kleinbuchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche.
field-username-taken = Dieser Benutzername ist bereits vergeben.
field-password-length = Mindestens { $min } Zeichen.
field-password-mismatch = Die beiden Passwörter stimmen nicht überein.
field-password-same = Muss sich vom aktuellen Passwort unterscheiden.
field-password-wrong = Dies ist nicht Ihr aktuelles Passwort.
field-bad-totp = Sechs Ziffern aus der Authenticator-App.
field-not-allowed = Sie dürfen diese Rolle nicht vergeben.
field-server = { $message }

## Übersicht

dash-title = Übersicht
dash-identity = Dieser Knoten
dash-administration = Verwaltung
dash-node-role = Rolle
dash-peer-id = PeerId
dash-public-key = Öffentlicher Schlüssel (Ed25519)
dash-listening = Empfangsbereit unter
dash-version = Version
dash-hub = WCO-Hub
dash-hub-none = Kein Hub konfiguriert: Dieser Knoten tauscht nur mit den unten aufgeführten Partnerknoten Daten aus.
dash-hub-self = Dieser Knoten ist der WCO-Hub.
dash-connected = Verbunden
dash-disconnected = Nicht verbunden
dash-peers = Partnerknoten und Replikation
dash-no-peers = Noch keine Partnerknoten. Ein Administrator fügt sie unter Partnerknoten hinzu.
dash-records = Gespeicherte Datensätze nach Herkunft
dash-no-records = Noch keine Datensätze.
dash-seizures = Sicherstellungen
dash-suspects = Verdächtige
dash-companies = Unternehmen
dash-own = { $admin } (dieser Knoten)
dash-revisions = Signierte Datensatzversionen
dash-audit-entries = Einträge im Prüfprotokoll
dash-agreements-active = Aktive Vereinbarungen
dash-agreements-waiting = Vorschläge, die auf Ihre Antwort warten

## Partnerknoten

peers-title = Partnerknoten
peers-intro = Partnerknoten sind die anderen Knoten, mit denen dieser Knoten kommuniziert. Ein Knoten nimmt Verbindungen nur von seinen Partnerknoten, vom Hub und von Mitgliedern des Hub-Verzeichnisses an und tauscht Datensätze nur im Rahmen einer aktiven Vereinbarung aus.
peers-administration = Verwaltung
peers-peer-id = PeerId
peers-addresses = Adressen
peers-source = Bekannt über
peers-source-peers = Hier hinzugefügt
peers-source-directory = Hub-Verzeichnis
peers-source-hub = Hub
peers-state = Verbindung
peers-last-seen = Zuletzt gesehen
peers-never = nie
peers-lag-in = Eingang ausstehend
peers-lag-out = Ausgang ausstehend
peers-lag-unknown = unbekannt
peers-none = Noch keine Partnerknoten.
peers-add = Partnerknoten hinzufügen
peers-add-help = Erfragen Sie PeerId und Adresse beim Knotenadministrator der anderen Verwaltung.
peers-address-help = Eine pro Zeile, z. B. /ip4/192.0.2.20/tcp/4001
peers-submit = Hinzufügen
peers-remove = Entfernen
peers-remove-confirm = { $admin } aus den Partnerknoten dieses Knotens entfernen? Bereits empfangene Datensätze bleiben erhalten; es findet kein weiterer Austausch statt, sofern der Knoten nicht im Hub-Verzeichnis aufgeführt ist.
peers-added = Partnerknoten { $admin } hinzugefügt.
peers-removed = Partnerknoten { $admin } entfernt.
peers-pull = Jetzt abrufen
peers-pulled = { $count } Einträge von { $admin } empfangen.
peers-pull-failed = { $admin } ist nicht erreichbar: { $message }

## Vereinbarungen

agr-title = Vereinbarungen
agr-intro = Eine Vereinbarung ist die Rechtsgrundlage für den Austausch von Datensätzen mit einer anderen Verwaltung. Sie wird vom vorschlagenden Knoten signiert, vom anderen gegengezeichnet und kann von beiden Seiten jederzeit widerrufen werden.
agr-incoming = Vorschläge, die auf Ihre Antwort warten
agr-outgoing = Ihre Vorschläge, die auf eine Antwort warten
agr-current = Geltende Vereinbarungen
agr-past = Beendet, abgelehnt und noch nicht gültig
agr-none = Keine.
agr-peer = Mit
agr-legal-basis = Rechtsgrundlage
agr-scope = Übermittelte Daten
agr-validity = Gültigkeit
agr-valid-from = Ab
agr-valid-until = Bis (optional)
agr-open-ended = unbefristet
agr-state = Status
agr-state-proposed = Vorgeschlagen
agr-state-active = Aktiv
agr-state-pending = Noch nicht gültig
agr-state-expired = Abgelaufen
agr-state-rejected = Abgelehnt
agr-state-revoked = Widerrufen
agr-delivered = Der andere Knoten verfügt über diese Fassung.
agr-undelivered = Noch nicht an den anderen Knoten zugestellt; sie wird gesendet, sobald er sich verbindet.
agr-propose = Vereinbarung vorschlagen
agr-propose-help = Der Vorschlag wird von diesem Knoten signiert und an den anderen Knoten gesendet, dessen Administrator ihn annimmt oder ablehnt. Vor der Annahme werden keine Daten übermittelt.
agr-kinds = Datensätze
agr-kind-seizures = Sicherstellungen
agr-kind-suspects = Verdächtige
agr-kind-companies = Unternehmen
agr-direction = Richtung
agr-direction-both = In beide Richtungen
agr-direction-out = Nur von { $me } an die andere Verwaltung
agr-direction-in = Nur von der anderen Verwaltung an { $me }
agr-commodities = Waren (nur Sicherstellungen)
agr-commodities-help = Leer lassen für alle Waren. Eine Kategorie umfasst alle ihre Arten.
agr-commodities-all = alle Waren
agr-flow-commodities = { $kinds } (nur Sicherstellungen von { $commodities })
agr-nothing-flows = Es werden keine Daten übermittelt.
agr-submit = Signieren und vorschlagen
agr-proposed = Vorschlag an { $admin } gesendet.
agr-accept = Annehmen und gegenzeichnen
agr-reject = Ablehnen
agr-revoke = Widerrufen…
agr-reason = Begründung (optional)
agr-accepted = Vereinbarung mit { $admin } angenommen: Datensätze werden nun wie angezeigt übermittelt.
agr-rejected = Vorschlag von { $admin } abgelehnt.
agr-revoked = Vereinbarung mit { $admin } widerrufen: Auf ihrer Grundlage werden keine Daten mehr übermittelt.
agr-revoke-title = Diese Vereinbarung widerrufen?
agr-revoke-warning = Ab dem Zeitpunkt Ihrer Bestätigung werden auf Grundlage dieser Vereinbarung keine Datensätze mehr zwischen { $a } und { $b } übermittelt, in keiner Richtung. Der andere Knoten wird sofort benachrichtigt. Dies kann nicht rückgängig gemacht werden: Eine neue Vereinbarung erfordert einen neuen Vorschlag und dessen Annahme.
agr-revoke-confirm = Ja, widerrufen
agr-cancel = Abbrechen
agr-signatures = Signaturen
agr-signed-by = Signiert von { $admin }
agr-fingerprint = SHA-256 der Signatur
agr-proposed-at = Vorgeschlagen
agr-accepted-at = Angenommen
agr-rejected-at = Abgelehnt
agr-revoked-at = Widerrufen von { $admin }
agr-details = Einzelheiten
agr-id = Kennung
agr-no-peers = Fügen Sie zuerst einen Partnerknoten hinzu: Eine Vereinbarung wird mit einer bekannten Verwaltung geschlossen.

## Benutzer

users-title = Benutzer
users-intro = Konten werden nach { $count } falschen Passworteingaben gesperrt und nach { $days } Tagen ohne Nutzung inaktiviert; ihre Passwörter laufen nach { $age } Tagen ab.
users-username = Benutzername
users-display-name = Vollständiger Name
users-role = Rolle
users-state = Status
users-last-login = Letzte Anmeldung
users-password-expires = Passwort läuft ab
users-actions = Aktionen
users-state-active = Aktiv
users-state-blocked = Gesperrt
users-state-inactive = Inaktiv
users-state-deactivated = Deaktiviert
users-must-change = muss Passwort ändern
users-expiring = läuft bald ab
users-totp = Zwei-Faktor
users-create = Konto anlegen
users-password = Anfangspasswort
users-password-help = Der Benutzer muss es bei der ersten Anmeldung ändern. Mindestens { $min } Zeichen.
users-submit = Konto anlegen
users-created = Konto { $user } angelegt.
users-unblock = Entsperren
users-unblocked = Konto { $user } entsperrt.
users-reset = Passwort zurücksetzen
users-reset-done = Neues vorläufiges Passwort für { $user }: { $password } — übergeben Sie es persönlich; es wird nur einmal angezeigt.
users-deactivate = Deaktivieren
users-deactivated = Konto { $user } deaktiviert; seine Sitzungen wurden beendet.
users-reactivate = Reaktivieren
users-reactivated = Konto { $user } reaktiviert.
users-set-role = Rolle ändern
users-role-changed = { $user } hat jetzt die Rolle { $role }.
users-none = Keine Konten.

## Prüfprotokoll

audit-title = Prüfprotokoll
audit-intro = Jede Anmeldung, jede Kontoänderung, jedes Schreiben und Lesen eines Datensatzes und jeder Austausch mit einem anderen Knoten wird hier protokolliert; jeder Eintrag ist über seinen Hash mit dem vorherigen verkettet.
audit-seq = Nr.
audit-time = Zeit
audit-actor = Wer
audit-action = Aktion
audit-outcome = Ergebnis
audit-target = Ziel
audit-detail = Details
audit-filter = Filtern
audit-filter-actor = Wer
audit-filter-action = Aktion beginnt mit
audit-filter-outcome = Ergebnis
audit-filter-any = beliebig
audit-filter-from = Von
audit-filter-to = Bis
audit-apply = Anwenden
audit-older = Ältere Einträge
audit-newer = Neueste Einträge
audit-none = Kein Eintrag entspricht den Kriterien.
audit-verify = Kette prüfen
audit-valid = Die Kette ist intakt: { $count } Einträge, letzter Hash { $hash }.
audit-invalid = Die Kette ist unterbrochen: { $problem }
audit-outcome-ok = ok
audit-outcome-denied = verweigert
audit-outcome-failed = fehlgeschlagen

## Mein Konto

account-title = Mein Konto
account-profile = Profil
account-language = Sprache
account-language-help = Die Sprache der Seiten, der Bezeichnungen in Codelisten sowie der Datums- und Zahlenangaben.
account-language-saved = Sprache gespeichert.
account-password = Passwort ändern
account-current-password = Aktuelles Passwort
account-new-password = Neues Passwort
account-repeat-password = Neues Passwort wiederholen
account-password-help = Mindestens { $min } Zeichen. Es läuft nach { $days } Tagen ab.
account-password-submit = Passwort ändern
account-password-changed = Passwort geändert.
account-totp = Zwei-Faktor-Authentifizierung
account-totp-off = Nicht aktiviert. Wenn sie aktiviert ist, wird bei der Anmeldung zusätzlich ein Einmalcode aus einer Authenticator-App abgefragt.
account-totp-on = Aktiviert: Bei der Anmeldung wird ein Einmalcode abgefragt.
account-totp-start = Zwei-Faktor-Authentifizierung einrichten
account-totp-scan = Scannen Sie diesen Code mit Ihrer Authenticator-App oder geben Sie den Schlüssel manuell ein, und geben Sie dann die sechs angezeigten Ziffern ein.
account-totp-key = Schlüssel
account-totp-code = Code aus der App
account-totp-enable = Aktivieren
account-totp-enabled = Zwei-Faktor-Authentifizierung aktiviert.
account-totp-disable = Zwei-Faktor-Authentifizierung deaktivieren
account-totp-disabled = Zwei-Faktor-Authentifizierung deaktiviert.

## Suche (Zollbeamte und Analysten)

nav-search = Suche
search-title = Suche
search-box = Suchtext
search-placeholder = Namen, Beschreibungen, Orte, Referenzen… in jeder Sprache
search-kind = Art des Datensatzes
search-kind-all = Alle Datensätze
search-submit = Suchen
search-facets = Eingrenzen
search-remove-filter = Diesen Filter entfernen
search-total = { $count } Datensätze
search-none = Keine Treffer. Entfernen Sie einen Filter oder versuchen Sie es mit anderen Wörtern.
search-help = Geben Sie Wörter aus einer Beschreibung, einen Namen, einen Ort oder eine Referenz ein, oder wählen Sie eine Art von Datensätzen. Akzente sowie Groß- und Kleinschreibung spielen keine Rolle.
search-statistics = Statistik zu diesen Ergebnissen
search-previous = Zurück
search-next = Weiter
search-col-kind = Art
search-col-date = Datum
search-col-record = Datensatz
search-col-origin = Herkunft
search-too-long = Höchstens 500 Zeichen.
search-bad-query = Diese Suche kann nicht verarbeitet werden: { $message }
facet-kind = Art des Datensatzes
facet-commodity = Ware
facet-country = Land
facet-route_country = Land auf der Route
facet-origin = Herkunft
facet-conveyance = Beförderungsmittel
facet-concealment = Versteckmethode
facet-detection_method = Aufdeckungsmethode
facet-year = Jahr

## Ein Datensatz

record-revision = Version { $revision }
record-foreign = Von { $admin } im Rahmen einer Vereinbarung empfangen: hier schreibgeschützt. Nur { $admin } kann diesen Datensatz berichtigen oder löschen.
record-deleted = Dieser Datensatz wurde von der Herkunftsverwaltung gelöscht.
record-general = Allgemeines
record-goods = Waren
record-route = Route
record-offenders = Täter
record-photos = Fotos
record-identity = Identität
record-documents = Ausweisdokumente
record-addresses = Adressen
field-national-reference = Nationale Referenz
field-date = Datum
field-place = Ort
field-location-type = Art des Ortes
field-country = Land
field-direction = Richtung
field-detection-method = Aufdeckungsmethode
field-conveyance = Beförderungsmittel
field-conveyance-id = Kennung des Beförderungsmittels
field-concealment = Versteckmethode
field-departure = Abgang
field-transit = Transit
field-destination = Ziel
field-commodity = Ware
field-description = Beschreibung
field-quantity = Menge
field-unit = Einheit
field-value = Wert
field-summary = Zusammenfassung
field-remarks = Bemerkungen
field-family-name = Familienname
field-given-names = Vornamen
field-aliases = Aliasnamen
field-date-of-birth = Geburtsdatum
field-place-of-birth = Geburtsort
field-nationality = Staatsangehörigkeit
field-sex = Geschlecht
field-age = Alter
field-document-kind = Dokument
field-document-number = Nummer
field-issuing-country = Ausgestellt von
field-expiry = Gültig bis
field-name = Name
field-registration = Registernummern
field-role = Rolle
field-city = Stadt
field-street = Straße
field-photo-kind = Art
field-photo-caption = Bildunterschrift

## Statistik und Export einer Suche

stats-title = Statistik
stats-intro = Anzahl der Datensätze, die der unten stehenden Suche entsprechen, aufgeschlüsselt nach jedem ihrer Merkmale.
stats-back = Zurück zu den Ergebnissen
stats-by-year = Sicherstellungen nach Jahr
stats-by-commodity = Sicherstellungen nach Ware
stats-by-route = Häufigste Länder auf der Route
stats-by-detection = Aufdeckungsmethoden
stats-by-conveyance = Beförderungsmittel
stats-by-concealment = Versteckmethoden
stats-by-origin = Nach Herkunftsverwaltung
stats-by-country = Nach Land der Sicherstellung
stats-quantities = Mengen nach Ware
stats-quantities-month = Mengen nach Monat
stats-records = Datensätze
stats-share = Anteil
stats-none = Kein Datensatz entspricht dieser Suche.
stats-chart-missing = Das Diagramm konnte nicht erstellt werden; die Tabelle enthält die Zahlen.
export-xlsx = Nach Excel exportieren (XLSX)
export-csv = Als CSV exportieren
export-capped = Der Export enthält die ersten { $count } Ergebnisse.

## Erfassung von Datensätzen (Zollbeamte)

nav-new-seizure = Neue Sicherstellung
form-new-seizure = Neue Sicherstellung
form-edit-seizure = Sicherstellung berichtigen
form-choose = Auswählen…
form-has-errors = Einige Felder erfordern Ihre Aufmerksamkeit; sie sind unten jeweils markiert.
form-multi-help = Halten Sie Strg (oder ⌘) gedrückt, um mehrere auszuwählen, in der Reihenfolge der Route.
field-postal-code = Postleitzahl
field-scheme = System (z. B. EORI, USt)
form-new-suspect = Neue verdächtige Person
form-new-company = Neues Unternehmen
form-edit-suspect = Verdächtige Person berichtigen
form-edit-company = Unternehmen berichtigen
form-link-help = Geben Sie das nationale Aktenzeichen einer verdächtigen Person oder eines Unternehmens dieses Knotens ein (BE/BE-2026-000042 für die einer anderen Verwaltung); die Liste schlägt die neuesten vor.
form-suspect = Verdächtige Person
form-companies = Beteiligte Unternehmen
form-unknown-record = Dieser Knoten hat keinen solchen Datensatz.
form-add-line = Warenposition hinzufügen
form-summary-help = Nicht personenbezogen: wird an die weltweite CEN-Datenbank der WCO übermittelt.
form-remarks-help = Personenbezogen: verbleibt bei dieser Verwaltung und wird nur übermittelt, soweit eine Vereinbarung es erlaubt.
form-save = Signieren und speichern
form-save-revision = Signieren und neue Version speichern
form-saved = Sicherstellung { $reference } gespeichert und signiert.
form-stale = Inzwischen hat jemand eine neuere Version dieser Sicherstellung gespeichert. Laden Sie sie neu und berichtigen Sie sie erneut.
form-duplicate = Diese nationale Referenz wird bereits von einer anderen Sicherstellung verwendet.
form-not-a-number = Geben Sie eine Zahl ein, z. B. 12,5
field-currency = Währung
record-edit = Berichtigen

## Massenimport (Zollbeamte)

nav-import = Import
import-title = Datensätze importieren
import-intro = Sicherstellungen, Verdächtige und Unternehmen aus einem nationalen System in der Standardvorlage: Jede Zeile wird anhand der Codelisten geprüft, gültige Zeilen werden signiert und gespeichert, ungültige mit ihrer Zeilennummer und dem Grund aufgeführt. Wird dieselbe Datei erneut hochgeladen, kommt nichts hinzu.
import-template = Die Standardvorlage
import-template-help = Eine Arbeitsmappe mit einem Tabellenblatt je Datensatzart, einer Beispielzeile in jedem Blatt und Auswahllisten für die Codes.
import-template-download = Vorlage herunterladen (XLSX)
import-upload = Datei hochladen
import-file = Datei
import-file-help = Die Arbeitsmappe (XLSX), ein Tabellenblatt als CSV oder die CSV-Dateien in einem ZIP-Archiv; höchstens { $max } MiB.
import-sheet = Tabellenblatt einer CSV-Datei
import-sheet-help = Nur für eine einzelne CSV-Datei: welches Tabellenblatt der Vorlage sie enthält.
import-dry-run = Probelauf
import-dry-run-help = Nur prüfen: nichts speichern, alle Fehler melden.
import-submit = Hochladen
import-no-file = Wählen Sie eine Datei zum Hochladen aus.
import-busy = Auf diesem Knoten laufen zu viele Importe; versuchen Sie es in einer Minute erneut.
import-report = Importbericht
import-report-dry = Bericht des Probelaufs
import-reading = Datei wird gelesen: { $rows } Zeilen gelesen.
import-storing = Prüfen und Speichern: { $done } von { $total } Zeilen.
import-read = Gelesen
import-valid = Gültig
import-invalid = Ungültig
import-created = Neu gespeichert
import-existing = Bereits vorhanden
import-dry-done = Es wurde nichts gespeichert. Laden Sie die Datei ohne „Probelauf“ erneut hoch, um die gültigen Zeilen zu speichern.
import-invalid-rows = Abgelehnte Zeilen: { $count }
import-col-sheet = Tabellenblatt
import-col-row = Zeile
import-col-column = Spalte
import-col-reason = Grund
import-more-invalid = Hier werden nur die ersten 500 Ablehnungen angezeigt; der Bericht der API führt bis zu 10.000 auf.

## Ermittlungen (Zollbeamte und Vorgesetzte)

nav-investigations = Ermittlungen
inv-title = Ermittlungen
inv-none = Noch keine Ermittlungen.
inv-case = Vorgang
inv-status = Status
inv-assignees = Zugewiesene Zollbeamte
inv-updated = Letzte Änderung
inv-yours = Ihnen zugewiesen
inv-open = Ermittlung eröffnen
inv-case-title = Titel
inv-summary = Zusammenfassung
inv-open-submit = Eröffnen
inv-opened = Eröffnet von { $user } am { $date }
inv-nobody = Noch niemand.
inv-assign = Zollbeamte zuweisen
inv-assign-submit = Zuweisen
inv-links = Verknüpfte Datensätze
inv-no-links = Noch kein Datensatz verknüpft.
inv-link-kind = Art des Datensatzes
inv-link-reference = Nationale Referenz oder Kennung
inv-link-help = Eine Referenz dieser Verwaltung (NL-2026-000123), einer anderen Verwaltung in der Form BE/BE-2026-000042 oder die Kennung des Datensatzes.
inv-link-submit = Verknüpfen
inv-link-unknown = Dieser Datensatz ist auf diesem Knoten nicht vorhanden.
inv-thread = Verlauf
inv-note = Notiz
inv-attachment = Anhang (optional)
inv-note-submit = Zum Verlauf hinzufügen
inv-status-open = Offen
inv-status-assigned = Zugewiesen
inv-status-in_progress = In Bearbeitung
inv-status-suspended = Ausgesetzt
inv-status-closed = Abgeschlossen
inv-move-in_progress = Bearbeitung beginnen
inv-move-suspended = Aussetzen
inv-move-closed = Abschließen
inv-move-open = Wieder eröffnen
inv-move-assigned = Zurück zu „Zugewiesen“
inv-entry-opened = hat den Vorgang eröffnet
inv-entry-note = hat geschrieben
inv-entry-assigned = hat zugewiesen
inv-entry-status = hat den Status geändert
inv-entry-linked = hat einen Datensatz verknüpft

## Suche während der Eingabe in den Feldern für verdächtige Personen und Unternehmen im Sicherstellungsformular
suggest-help = Oder geben Sie einen Teil eines Namens ein: Passende verdächtige Personen und Unternehmen werden während der Eingabe vorgeschlagen.
suggest-signed-out = Ihre Sitzung ist abgelaufen: Melden Sie sich erneut an, um Vorschläge zu erhalten.
suggest-password-change = Ändern Sie zuerst Ihr Passwort auf der Seite Mein Konto.
suggest-unknown-collection = Vorschläge gibt es nur für verdächtige Personen und Unternehmen.
suggest-too-long = Geben Sie höchstens { $max } Zeichen ein.
suggest-bad-query = Diese Anfrage nach Vorschlägen ist nicht lesbar.
suggest-unavailable = Vorschläge sind im Moment nicht verfügbar; geben Sie stattdessen das nationale Aktenzeichen ein.

## Photos of records
photo-file = Bilddatei
photo-file-help = JPEG oder PNG, höchstens { $max } MiB. Der Typ wird aus der Datei selbst gelesen, nicht aus ihrem Namen.
photo-kind-help = Personen und Dokumente sind personenbezogen: Sie verlassen diesen Knoten nur im Rahmen einer Vereinbarung, die den Datensatz abdeckt. Fotos von Waren, Verstecken und Röntgenbilder gehen auch an den WZO-Hub.
photo-add = Foto hinzufügen
photo-remove = Entfernen
photo-remove-confirm = Dieses Foto aus dem Datensatz entfernen? Eine neue Revision wird signiert.
photo-not-held = Noch nicht empfangen
photo-added = Das Foto wurde hinzugefügt: Eine neue Revision des Datensatzes wurde signiert.
photo-removed = Das Foto wurde entfernt: Eine neue Revision des Datensatzes wurde signiert.
photo-error-empty = Wählen Sie eine Datei.
photo-error-too-large = Die Datei ist zu groß.
photo-error-type = Die Datei ist kein JPEG- oder PNG-Bild, was auch immer ihr Name sagt.
photo-error-pixels = Das Bild hat zu viele Pixel.
photo-error-damaged = Das Bild ist beschädigt oder unvollständig.
photo-error-duplicate = Dieses Foto gehört bereits zum Datensatz.
photo-error-stale = Inzwischen hat jemand eine neuere Revision dieses Datensatzes gespeichert. Versuchen Sie es erneut.
facet-photo_kind = Fotoart
search-view = Ergebnisse anzeigen als
search-view-list = Liste
search-view-photos = Fotos
search-photos-none = Kein Datensatz auf dieser Seite hat ein Foto dieser Art. Grenzen Sie die Suche mit der Facette Fotoart ein.
