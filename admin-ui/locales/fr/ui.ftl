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
