## L'interface web du nœud. Placeables : $admin est un code d'administration (NL, WCO), $user un nom d'utilisateur.

app-name = nCEN
app-title = nCEN · { $admin }
role-hub = Nœud central WCO
role-national = Nœud national
footer = nCEN · Customs Enforcement Network

## Navigation

nav-dashboard = Tableau de bord
nav-peers = Pairs
nav-agreements = Accords
nav-users = Utilisateurs
nav-audit = Journal d'audit
nav-account = Mon compte
nav-logout = Se déconnecter
nav-language = Langue
nav-skip = Aller au contenu
list-separator = {", "}
action-change = Modifier

## Rôles

role-administrator = Administrateur
role-national_contact_point = Point de contact national
role-officer = Agent
role-analyst = Analyste
role-auditor = Auditeur
role-supervisor = Superviseur

## Connexion

login-title = Connexion
login-intro = Connectez-vous au nœud { $admin } avec le compte que votre point de contact national vous a remis.
login-username = Nom d'utilisateur
login-password = Mot de passe
login-totp = Code à usage unique
login-totp-hint = Les six chiffres qu'affiche votre application d'authentification pour ce compte.
login-submit = Se connecter
login-failed = Nom d'utilisateur ou mot de passe incorrect.
login-blocked = Ce compte a été bloqué après { $count } mots de passe erronés. Demandez à votre point de contact national de le débloquer.
login-inactive = Ce compte a été rendu inactif après { $days } jours sans utilisation. Demandez à votre point de contact national de le réactiver.
login-deactivated = Ce compte est désactivé. Adressez-vous à votre point de contact national.
login-totp-required = Entrez le code à usage unique fourni par votre application d'authentification.
login-totp-wrong = Le code à usage unique est erroné ou a expiré.
login-logged-out = Vous êtes déconnecté.
login-expired = Votre session a pris fin. Veuillez vous reconnecter.

## Avis affichés sur chaque page

notice-password-expires = Votre mot de passe expire le { $date }. Modifiez-le d'ici là dans Mon compte.
notice-password-change-required = Vous devez choisir un nouveau mot de passe avant de continuer.
notice-saved = Enregistré.

## Erreurs

error-title = Une erreur s'est produite
error-forbidden-title = Non autorisé
error-forbidden = Votre rôle ({ $role }) ne permet pas d'ouvrir cette page ni d'effectuer cette action.
error-not-found-title = Introuvable
error-not-found = Cette page n'existe pas.
error-csrf = Ce formulaire a expiré ou ne provient pas de ce site. Rechargez la page et réessayez.
error-internal = Le nœud n'a pas pu mener à bien cette opération. Les détails figurent dans son journal.
error-network-off = Ce nœud fonctionne sans son réseau : les pairs et les accords sont indisponibles.
error-back = Retour au tableau de bord

## Validation des formulaires, à côté du champ

field-required = Obligatoire.
field-too-long = { $max } caractères au maximum.
field-bad-administration = Utilisez un code pays ISO à deux lettres, par exemple BE.
field-bad-peer-id = Ce n'est pas un PeerId : il commence par 12D3KooW et est communiqué par l'administrateur de l'autre nœud.
field-bad-address = Ce n'est pas une adresse libp2p telle que /ip4/192.0.2.20/tcp/4001.
field-bad-date = Utilisez une date au format 2026-12-31.
field-date-order = Doit être postérieure à la date de début.
field-choose-kind = Choisissez au moins un type d'enregistrement.
field-bad-username = De 3 à 64 lettres minuscules, chiffres, points, tirets ou traits de soulignement.
field-username-taken = Ce nom d'utilisateur est déjà pris.
field-password-length = Au moins { $min } caractères.
field-password-mismatch = Les deux mots de passe sont différents.
field-password-same = Doit être différent du mot de passe actuel.
field-password-wrong = Ce n'est pas votre mot de passe actuel.
field-bad-totp = Les six chiffres de l'application d'authentification.
field-not-allowed = Vous ne pouvez pas attribuer ce rôle.
field-server = { $message }

## Tableau de bord

dash-title = Tableau de bord
dash-identity = Ce nœud
dash-administration = Administration
dash-node-role = Rôle
dash-peer-id = PeerId
dash-public-key = Clé publique (Ed25519)
dash-listening = En écoute sur
dash-version = Version
dash-hub = Nœud central WCO
dash-hub-none = Aucun nœud central configuré : ce nœud n'échange qu'avec les pairs ci-dessous.
dash-hub-self = Ce nœud est le nœud central WCO.
dash-connected = Connecté
dash-disconnected = Non connecté
dash-peers = Pairs et réplication
dash-no-peers = Aucun pair pour l'instant. Un administrateur les ajoute dans la rubrique Pairs.
dash-records = Enregistrements détenus, par origine
dash-no-records = Aucun enregistrement pour l'instant.
dash-seizures = Saisies
dash-suspects = Suspects
dash-companies = Sociétés
dash-own = { $admin } (ce nœud)
dash-revisions = Révisions d'enregistrements signées
dash-audit-entries = Entrées du journal d'audit
dash-agreements-active = Accords actifs
dash-agreements-waiting = Propositions en attente de votre réponse

## Pairs

peers-title = Pairs
peers-intro = Les pairs sont les autres nœuds avec lesquels ce nœud communique. Un nœud n'accepte de connexions que de ses pairs, du nœud central et des membres de l'annuaire du nœud central, et n'échange d'enregistrements que dans le cadre d'un accord actif.
peers-administration = Administration
peers-peer-id = PeerId
peers-addresses = Adresses
peers-source = Source
peers-source-peers = Ajouté ici
peers-source-directory = Annuaire du nœud central
peers-source-hub = Nœud central
peers-state = Connexion
peers-last-seen = Dernier contact
peers-never = jamais
peers-lag-in = En attente de réception
peers-lag-out = En attente d'envoi
peers-lag-unknown = inconnu
peers-none = Aucun pair pour l'instant.
peers-add = Ajouter un pair
peers-add-help = Demandez à l'administrateur du nœud de l'autre administration son PeerId et son adresse.
peers-address-help = Une par ligne, par ex. /ip4/192.0.2.20/tcp/4001
peers-submit = Ajouter le pair
peers-remove = Retirer
peers-remove-confirm = Retirer { $admin } des pairs de ce nœud ? Les enregistrements déjà reçus sont conservés ; plus rien n'est échangé, sauf si l'annuaire du nœud central le répertorie.
peers-added = Pair { $admin } ajouté.
peers-removed = Pair { $admin } retiré.
peers-pull = Récupérer maintenant
peers-pulled = { $count } entrées reçues de { $admin }.
peers-pull-failed = { $admin } n'a pas pu être joint : { $message }

## Accords

agr-title = Accords
agr-intro = Un accord constitue la base juridique de l'échange d'enregistrements avec une autre administration. Il est signé par le nœud qui le propose, contresigné par l'autre, et peut être révoqué à tout moment par l'une ou l'autre partie.
agr-incoming = Propositions en attente de votre réponse
agr-outgoing = Vos propositions en attente de réponse
agr-current = Accords en vigueur
agr-past = Terminés, rejetés et pas encore valides
agr-none = Aucun.
agr-peer = Avec
agr-legal-basis = Base juridique
agr-scope = Données échangées
agr-validity = Validité
agr-valid-from = À partir du
agr-valid-until = Jusqu'au (facultatif)
agr-open-ended = sans date de fin
agr-state = État
agr-state-proposed = Proposé
agr-state-active = Actif
agr-state-pending = Pas encore valide
agr-state-expired = Expiré
agr-state-rejected = Rejeté
agr-state-revoked = Révoqué
agr-delivered = L'autre nœud détient cette version.
agr-undelivered = Pas encore transmis à l'autre nœud ; il le sera dès que celui-ci se connectera.
agr-propose = Proposer un accord
agr-propose-help = La proposition est signée par ce nœud et envoyée à l'autre nœud, dont l'administrateur l'accepte ou la rejette. Aucune donnée n'est échangée avant son acceptation.
agr-kinds = Enregistrements
agr-kind-seizures = Saisies
agr-kind-suspects = Suspects
agr-kind-companies = Sociétés
agr-direction = Sens
agr-direction-both = Dans les deux sens
agr-direction-out = Uniquement de { $me } vers l'autre administration
agr-direction-in = Uniquement de l'autre administration vers { $me }
agr-commodities = Marchandises (saisies uniquement)
agr-commodities-help = Laissez vide pour toutes les marchandises. Une catégorie inclut tous ses types.
agr-commodities-all = toutes les marchandises
agr-flow-commodities = { $kinds } (saisies de { $commodities } uniquement)
agr-nothing-flows = Aucune donnée n'est échangée.
agr-submit = Signer et proposer
agr-proposed = Proposition envoyée à { $admin }.
agr-accept = Accepter et contresigner
agr-reject = Rejeter
agr-revoke = Révoquer…
agr-reason = Motif (facultatif)
agr-accepted = Accord avec { $admin } accepté : les enregistrements sont désormais échangés comme indiqué.
agr-rejected = Proposition de { $admin } rejetée.
agr-revoked = Accord avec { $admin } révoqué : plus aucune donnée n'est échangée dans son cadre.
agr-revoke-title = Révoquer cet accord ?
agr-revoke-warning = Dès votre confirmation, plus aucun enregistrement n'est échangé entre { $a } et { $b } dans le cadre de cet accord, dans un sens comme dans l'autre. L'autre nœud en est informé immédiatement. Cette action est irréversible : un nouvel accord nécessite une nouvelle proposition et son acceptation.
agr-revoke-confirm = Oui, le révoquer
agr-cancel = Annuler
agr-signatures = Signatures
agr-signed-by = Signé par { $admin }
agr-fingerprint = SHA-256 de la signature
agr-proposed-at = Proposé
agr-accepted-at = Accepté
agr-rejected-at = Rejeté
agr-revoked-at = Révoqué par { $admin }
agr-details = Détails
agr-id = Identifiant
agr-no-peers = Ajoutez d'abord un pair : un accord est conclu avec une administration connue.

## Utilisateurs

users-title = Utilisateurs
users-intro = Les comptes sont bloqués après { $count } mots de passe erronés, rendus inactifs après { $days } jours sans utilisation, et leurs mots de passe expirent au bout de { $age } jours.
users-username = Nom d'utilisateur
users-display-name = Nom complet
users-role = Rôle
users-state = État
users-last-login = Dernière connexion
users-password-expires = Expiration du mot de passe
users-actions = Actions
users-state-active = Actif
users-state-blocked = Bloqué
users-state-inactive = Inactif
users-state-deactivated = Désactivé
users-must-change = doit changer de mot de passe
users-expiring = expire bientôt
users-totp = deux facteurs
users-create = Créer un compte
users-password = Mot de passe initial
users-password-help = L'utilisateur doit le changer lors de sa première connexion. Au moins { $min } caractères.
users-submit = Créer le compte
users-created = Compte { $user } créé.
users-unblock = Débloquer
users-unblocked = Compte { $user } débloqué.
users-reset = Réinitialiser le mot de passe
users-reset-done = Nouveau mot de passe temporaire pour { $user } : { $password } — remettez-le en main propre ; il n'est affiché qu'une seule fois.
users-deactivate = Désactiver
users-deactivated = Compte { $user } désactivé ; ses sessions ont été fermées.
users-reactivate = Réactiver
users-reactivated = Compte { $user } réactivé.
users-set-role = Changer le rôle
users-role-changed = { $user } a désormais le rôle { $role }.
users-none = Aucun compte.

## Journal d'audit

audit-title = Journal d'audit
audit-intro = Chaque connexion, chaque modification de compte, chaque écriture et lecture d'enregistrement et chaque échange avec un autre nœud sont consignés ici, chaque entrée étant chaînée à la précédente par son empreinte.
audit-seq = N°
audit-time = Horodatage
audit-actor = Auteur
audit-action = Action
audit-outcome = Résultat
audit-target = Objet
audit-detail = Détail
audit-filter = Filtrer
audit-filter-actor = Auteur
audit-filter-action = L'action commence par
audit-filter-outcome = Résultat
audit-filter-any = tous
audit-filter-from = Du
audit-filter-to = Au
audit-apply = Appliquer
audit-older = Entrées plus anciennes
audit-newer = Entrées les plus récentes
audit-none = Aucune entrée ne correspond.
audit-verify = Vérifier la chaîne
audit-valid = La chaîne est intacte : { $count } entrées, dernière empreinte { $hash }.
audit-invalid = La chaîne est rompue : { $problem }
audit-outcome-ok = réussi
audit-outcome-denied = refusé
audit-outcome-failed = échoué

## Mon compte

account-title = Mon compte
account-profile = Profil
account-language = Langue
account-language-help = La langue des pages, des libellés des listes de codes, des dates et des nombres.
account-language-saved = Langue enregistrée.
account-password = Changer de mot de passe
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe
account-repeat-password = Confirmer le nouveau mot de passe
account-password-help = Au moins { $min } caractères. Il expire au bout de { $days } jours.
account-password-submit = Changer le mot de passe
account-password-changed = Mot de passe modifié.
account-totp = Authentification à deux facteurs
account-totp-off = Non activée. Une fois activée, la connexion demande également un code à usage unique fourni par une application d'authentification.
account-totp-on = Activée : la connexion demande un code à usage unique.
account-totp-start = Configurer l'authentification à deux facteurs
account-totp-scan = Scannez ce code avec votre application d'authentification, ou entrez la clé manuellement, puis tapez les six chiffres qu'elle affiche.
account-totp-key = Clé
account-totp-code = Code de l'application
account-totp-enable = Activer
account-totp-enabled = Authentification à deux facteurs activée.
account-totp-disable = Désactiver l'authentification à deux facteurs
account-totp-disabled = Authentification à deux facteurs désactivée.

## Recherche (agents et analystes)

nav-search = Recherche
search-title = Recherche
search-box = Texte à rechercher
search-placeholder = Noms, descriptions, lieux, références… dans n'importe quelle langue
search-kind = Type d'enregistrement
search-kind-all = Tous les enregistrements
search-submit = Rechercher
search-facets = Affiner
search-remove-filter = Retirer ce filtre
search-total = { $count } enregistrements
search-none = Aucun résultat. Retirez un filtre ou essayez d'autres mots.
search-help = Entrez des mots tirés d'une description, d'un nom, d'un lieu ou d'une référence, ou choisissez un type d'enregistrement. Les accents et les majuscules n'ont pas d'importance.
search-statistics = Statistiques de ces résultats
search-previous = Précédent
search-next = Suivant
search-col-kind = Type
search-col-date = Date
search-col-record = Enregistrement
search-col-origin = Origine
search-too-long = 500 caractères au maximum.
search-bad-query = Cette recherche ne peut pas être interprétée : { $message }
facet-kind = Type d'enregistrement
facet-commodity = Marchandise
facet-country = Pays
facet-route_country = Pays de l'itinéraire
facet-origin = Origine
facet-conveyance = Moyen de transport
facet-concealment = Dissimulation
facet-detection_method = Méthode de détection
facet-year = Année

## Un enregistrement

record-revision = révision { $revision }
record-foreign = Reçu de { $admin } dans le cadre d'un accord : consultable ici en lecture seule. Seul { $admin } peut le corriger ou le supprimer.
record-deleted = Cet enregistrement a été supprimé par son administration d'origine.
record-general = Informations générales
record-goods = Marchandises
record-route = Itinéraire
record-offenders = Contrevenants
record-photos = Photos
record-identity = Identité
record-documents = Documents d'identité
record-addresses = Adresses
field-national-reference = Référence nationale
field-date = Date
field-place = Lieu
field-location-type = Type de lieu
field-country = Pays
field-direction = Sens
field-detection-method = Méthode de détection
field-conveyance = Moyen de transport
field-conveyance-id = Identifiant du moyen de transport
field-concealment = Dissimulation
field-departure = Départ
field-transit = Transit
field-destination = Destination
field-commodity = Marchandise
field-description = Description
field-quantity = Quantité
field-unit = Unité
field-value = Valeur
field-summary = Résumé
field-remarks = Remarques
field-family-name = Nom de famille
field-given-names = Prénoms
field-aliases = Alias
field-date-of-birth = Date de naissance
field-place-of-birth = Lieu de naissance
field-nationality = Nationalité
field-sex = Sexe
field-age = Âge
field-document-kind = Document
field-document-number = Numéro
field-issuing-country = Délivré par
field-expiry = Expiration
field-name = Nom
field-registration = Numéros d'immatriculation
field-role = Rôle
field-city = Ville
field-street = Rue
field-photo-kind = Type
field-photo-caption = Légende

## Statistiques et export d'une recherche

stats-title = Statistiques
stats-intro = Nombre d'enregistrements correspondant à la recherche ci-dessous, ventilé selon chacune de leurs caractéristiques.
stats-back = Retour aux résultats
stats-by-year = Saisies par année
stats-by-commodity = Saisies par marchandise
stats-by-route = Principaux pays de l'itinéraire
stats-by-detection = Méthodes de détection
stats-by-conveyance = Moyens de transport
stats-by-concealment = Méthodes de dissimulation
stats-by-origin = Par administration d'origine
stats-by-country = Par pays de la saisie
stats-quantities = Quantités par marchandise
stats-quantities-month = Quantités par mois
stats-records = Enregistrements
stats-share = Part
stats-none = Aucun enregistrement ne correspond à cette recherche.
stats-chart-missing = Le graphique n'a pas pu être tracé ; le tableau en donne les chiffres.
export-xlsx = Exporter vers Excel (XLSX)
export-csv = Exporter au format CSV
export-capped = L'export contient les { $count } premiers résultats.

## Création et correction des enregistrements (agents)

nav-new-seizure = Nouvelle saisie
form-new-seizure = Nouvelle saisie
form-edit-seizure = Corriger une saisie
form-choose = Choisir…
form-has-errors = Certains champs demandent votre attention ; chacun est signalé ci-dessous.
form-multi-help = Maintenez la touche Ctrl (ou ⌘) enfoncée pour en choisir plusieurs, dans l'ordre de l'itinéraire.
field-postal-code = Code postal
field-scheme = Système (p. ex. EORI, TVA)
form-new-suspect = Nouveau suspect
form-new-company = Nouvelle société
form-edit-suspect = Corriger un suspect
form-edit-company = Corriger une société
form-link-help = Indiquez la référence nationale d'un suspect ou d'une société connus de ce nœud (BE/BE-2026-000042 pour ceux d'une autre administration) ; la liste propose les plus récents.
form-suspect = Suspect
form-companies = Sociétés impliquées
form-unknown-record = Aucun enregistrement de ce type sur ce nœud.
form-add-line = Ajouter une ligne de marchandises
form-summary-help = Non nominatif : transmis à la base de données mondiale CEN de la WCO.
form-remarks-help = Nominatif : reste au sein de cette administration et n'est transmis que là où un accord le permet.
form-save = Signer et enregistrer
form-save-revision = Signer et enregistrer une nouvelle révision
form-saved = Saisie { $reference } enregistrée et signée.
form-stale = Quelqu'un a entre-temps enregistré une révision plus récente de cette saisie. Rechargez-la et corrigez-la à nouveau.
form-duplicate = Cette référence nationale est déjà utilisée par une autre saisie.
form-not-a-number = Entrez un nombre, par ex. 12,5
field-currency = Devise
record-edit = Corriger

## Import en masse (agents)

nav-import = Import
import-title = Importer des enregistrements
import-intro = Saisies, suspects et sociétés issus d'un système national, dans le modèle standard : chaque ligne est contrôlée au regard des listes de codes, les lignes valides sont signées et enregistrées, les lignes non valides sont listées avec leur numéro de ligne et le motif du refus. Importer à nouveau le même fichier n'ajoute rien.
import-template = Le modèle standard
import-template-help = Un classeur comportant une feuille par type d'enregistrement, une ligne d'exemple dans chacune et des listes déroulantes des codes.
import-template-download = Télécharger le modèle (XLSX)
import-upload = Importer un fichier
import-file = Fichier
import-file-help = Le classeur (XLSX), une feuille au format CSV ou les fichiers CSV réunis dans une archive ZIP ; { $max } Mio au maximum.
import-sheet = Feuille d'un fichier CSV
import-sheet-help = Uniquement pour un fichier CSV isolé : la feuille du modèle qu'il contient.
import-dry-run = Simulation
import-dry-run-help = Contrôle seulement : rien n'est enregistré, chaque erreur est signalée.
import-submit = Importer
import-no-file = Choisissez un fichier à importer.
import-busy = Trop d'imports sont en cours sur ce nœud ; réessayez dans une minute.
import-report = Rapport d'import
import-report-dry = Rapport de simulation
import-reading = Lecture du fichier : { $rows } lignes lues.
import-storing = Contrôle et enregistrement : { $done } lignes sur { $total }.
import-read = Lues
import-valid = Valides
import-invalid = Non valides
import-created = Enregistrées
import-existing = Déjà présentes
import-dry-done = Rien n'a été enregistré. Importez à nouveau le fichier sans « Simulation » pour enregistrer les lignes valides.
import-invalid-rows = Lignes refusées : { $count }
import-col-sheet = Feuille
import-col-row = Ligne
import-col-column = Colonne
import-col-reason = Motif
import-more-invalid = Seuls les 500 premiers refus sont affichés ici ; le rapport de l'API en liste jusqu'à 10 000.

## Enquêtes (agents et superviseurs)

nav-investigations = Enquêtes
inv-title = Enquêtes
inv-none = Aucune enquête pour l'instant.
inv-case = Dossier
inv-status = Statut
inv-assignees = Agents affectés
inv-updated = Dernière modification
inv-yours = qui vous est affectée
inv-open = Ouvrir une enquête
inv-case-title = Intitulé
inv-summary = Résumé
inv-open-submit = Ouvrir
inv-opened = Ouverte par { $user } le { $date }
inv-nobody = Personne pour l'instant.
inv-assign = Affecter des agents
inv-assign-submit = Affecter
inv-links = Enregistrements liés
inv-no-links = Aucun enregistrement lié pour l'instant.
inv-link-kind = Type d'enregistrement
inv-link-reference = Référence nationale ou identifiant
inv-link-help = Une référence de cette administration (NL-2026-000123), d'une autre administration sous la forme BE/BE-2026-000042, ou l'identifiant de l'enregistrement.
inv-link-submit = Lier
inv-link-unknown = Cet enregistrement n'existe pas sur ce nœud.
inv-thread = Fil de suivi
inv-note = Note
inv-attachment = Pièce jointe (facultative)
inv-note-submit = Ajouter au fil de suivi
inv-status-open = Ouverte
inv-status-assigned = Affectée
inv-status-in_progress = En cours
inv-status-suspended = Suspendue
inv-status-closed = Clôturée
inv-move-in_progress = Commencer le travail
inv-move-suspended = Suspendre
inv-move-closed = Clôturer
inv-move-open = Rouvrir
inv-move-assigned = Revenir à « Affectée »
inv-entry-opened = a ouvert le dossier
inv-entry-note = a écrit
inv-entry-assigned = a affecté
inv-entry-status = a modifié le statut
inv-entry-linked = a lié un enregistrement

## Recherche pendant la saisie dans les champs suspect et société du formulaire de saisie
suggest-help = Ou tapez une partie d'un nom : les suspects et sociétés correspondants sont proposés pendant la saisie.
suggest-signed-out = Votre session a pris fin : reconnectez-vous pour obtenir des suggestions.
suggest-password-change = Changez d'abord votre mot de passe sur la page Mon compte.
suggest-unknown-collection = Les suggestions ne sont proposées que pour les suspects et les sociétés.
suggest-too-long = Tapez au plus { $max } caractères.
suggest-bad-query = Cette demande de suggestions est illisible.
suggest-unavailable = Les suggestions ne sont pas disponibles pour le moment ; tapez plutôt la référence nationale.

## Photos of records
photo-file = Fichier image
photo-file-help = JPEG ou PNG, { $max } Mio au plus. Le type est lu dans le fichier lui-même, pas dans son nom.
photo-kind-help = Les personnes et les documents sont nominatifs : ils ne quittent ce nœud que sous un accord couvrant la fiche. Les photos de marchandises, de dissimulation et de radioscopie parviennent aussi au hub de l’OMD.
photo-add = Ajouter la photo
photo-remove = Retirer
photo-remove-confirm = Retirer cette photo de la fiche ? Une nouvelle révision sera signée.
photo-not-held = Pas encore reçue
photo-added = La photo a été ajoutée : une nouvelle révision de la fiche a été signée.
photo-removed = La photo a été retirée : une nouvelle révision de la fiche a été signée.
photo-error-empty = Choisissez un fichier.
photo-error-too-large = Le fichier est trop volumineux.
photo-error-type = Le fichier n’est pas une image JPEG ou PNG, quoi qu’en dise son nom.
photo-error-pixels = L’image compte trop de pixels.
photo-error-damaged = L’image est endommagée ou incomplète.
photo-error-duplicate = Cette photo figure déjà sur la fiche.
photo-error-stale = Quelqu’un a enregistré entre-temps une révision plus récente de cette fiche. Réessayez.
facet-photo_kind = Type de photo
search-view = Afficher les résultats sous forme de
search-view-list = Liste
search-view-photos = Photos
search-photos-none = Aucune fiche de cette page n’a de photo de ce type. Affinez la recherche avec la facette du type de photo.
