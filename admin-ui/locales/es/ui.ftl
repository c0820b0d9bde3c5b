## Interfaz web del nodo. Placeables: $admin es un código de administración (NL, WCO), $user un nombre de usuario.

app-name = nCEN
app-title = nCEN · { $admin }
role-hub = Nodo central WCO
role-national = Nodo nacional
footer = nCEN · Customs Enforcement Network

## Navegación

nav-dashboard = Panel
nav-peers = Pares
nav-agreements = Acuerdos
nav-users = Usuarios
nav-audit = Registro de auditoría
nav-account = Mi cuenta
nav-logout = Cerrar sesión
nav-language = Idioma
nav-skip = Ir al contenido
list-separator = {", "}
action-change = Cambiar

## Roles

role-administrator = Administrador
role-national_contact_point = Punto de contacto nacional
role-officer = Funcionario
role-analyst = Analista
role-auditor = Auditor
role-supervisor = Supervisor

## Inicio de sesión

login-title = Iniciar sesión
login-intro = Inicie sesión en el nodo { $admin } con la cuenta que le facilitó su punto de contacto nacional.
login-username = Nombre de usuario
login-password = Contraseña
login-totp = Código de un solo uso
login-totp-hint = Los seis dígitos que muestra su aplicación de autenticación para esta cuenta.
login-submit = Iniciar sesión
login-failed = Nombre de usuario o contraseña incorrectos.
login-blocked = Esta cuenta se ha bloqueado tras { $count } contraseñas incorrectas. Solicite a su punto de contacto nacional que la desbloquee.
login-inactive = Esta cuenta ha pasado a estar inactiva tras { $days } días sin uso. Solicite a su punto de contacto nacional que la reactive.
login-deactivated = Esta cuenta está desactivada. Consulte a su punto de contacto nacional.
login-totp-required = Introduzca el código de un solo uso de su aplicación de autenticación.
login-totp-wrong = El código de un solo uso es incorrecto o ha caducado.
login-logged-out = Ha cerrado la sesión.
login-expired = Su sesión ha finalizado. Vuelva a iniciar sesión.

## Avisos en todas las páginas

notice-password-expires = Su contraseña caduca el { $date }. Cámbiela antes de esa fecha en Mi cuenta.
notice-password-change-required = Debe elegir una nueva contraseña antes de continuar.
notice-saved = Guardado.

## Errores

error-title = Se ha producido un error
error-forbidden-title = No permitido
error-forbidden = Su rol ({ $role }) no permite abrir esta página ni realizar esta acción.
error-not-found-title = No encontrado
error-not-found = Esta página no existe.
error-csrf = Este formulario ha caducado o no procede de este sitio. Vuelva a cargar la página e inténtelo de nuevo.
error-internal = El nodo no ha podido completar esta operación. Los detalles figuran en su registro de eventos.
error-network-off = Este nodo funciona sin su red: los pares y los acuerdos no están disponibles.
error-back = Volver al panel

## Validación de formularios, junto al campo

field-required = Obligatorio.
field-too-long = Como máximo { $max } caracteres.
field-bad-administration = Utilice un código de país ISO de dos letras, como BE.
field-bad-peer-id = No es un PeerId: empieza por 12D3KooW y lo facilita el administrador del otro nodo.
field-bad-address = No es una dirección libp2p como /ip4/192.0.2.20/tcp/4001.
field-bad-date = Utilice una fecha con el formato 2026-12-31.
field-date-order = Debe ser posterior a la fecha de inicio.
field-choose-kind = Elija al menos un tipo de registro.
field-bad-username = De 3 a 64 letras minúsculas, dígitos, puntos, guiones o guiones bajos.
field-username-taken = Este nombre de usuario ya está en uso.
field-password-length = Al menos { $min } caracteres.
field-password-mismatch = Las dos contraseñas no coinciden.
field-password-same = Debe ser distinta de la contraseña actual.
field-password-wrong = Esta no es su contraseña actual.
field-bad-totp = Los seis dígitos de la aplicación de autenticación.
field-not-allowed = No puede asignar este rol.
field-server = { $message }

## Panel

dash-title = Panel
dash-identity = Este nodo
dash-administration = Administración
dash-node-role = Rol
dash-peer-id = PeerId
dash-public-key = Clave pública (Ed25519)
dash-listening = Escuchando en
dash-version = Versión
dash-hub = Nodo central WCO
dash-hub-none = No hay ningún nodo central configurado: este nodo solo realiza intercambios con los pares indicados a continuación.
dash-hub-self = Este nodo es el nodo central WCO.
dash-connected = Conectado
dash-disconnected = No conectado
dash-peers = Pares y replicación
dash-no-peers = Aún no hay pares. Un administrador los añade en Pares.
dash-records = Registros almacenados, por origen
dash-no-records = Aún no hay registros.
dash-seizures = Incautaciones
dash-suspects = Sospechosos
dash-companies = Empresas
dash-own = { $admin } (este nodo)
dash-revisions = Revisiones de registros firmadas
dash-audit-entries = Entradas del registro de auditoría
dash-agreements-active = Acuerdos activos
dash-agreements-waiting = Propuestas pendientes de su respuesta

## Pares

peers-title = Pares
peers-intro = Los pares son los demás nodos con los que se comunica este nodo. Un nodo solo acepta conexiones de sus pares, del nodo central y de los miembros del directorio del nodo central, y solo intercambia registros en el marco de un acuerdo activo.
peers-administration = Administración
peers-peer-id = PeerId
peers-addresses = Direcciones
peers-source = Origen
peers-source-peers = Añadido aquí
peers-source-directory = Directorio del nodo central
peers-source-hub = Nodo central
peers-state = Conexión
peers-last-seen = Último contacto
peers-never = nunca
peers-lag-in = Pendientes de recibir
peers-lag-out = Pendientes de enviar
peers-lag-unknown = desconocido
peers-none = Aún no hay pares.
peers-add = Añadir un par
peers-add-help = Solicite al administrador del nodo de la otra administración su PeerId y su dirección.
peers-address-help = Una por línea, p. ej. /ip4/192.0.2.20/tcp/4001
peers-submit = Añadir par
peers-remove = Quitar
peers-remove-confirm = ¿Quitar { $admin } de los pares de este nodo? Los registros ya recibidos se conservan; no se intercambia nada más, salvo que el directorio del nodo central lo incluya.
peers-added = Par { $admin } añadido.
peers-removed = Par { $admin } quitado.
peers-pull = Recuperar ahora
peers-pulled = { $count } entradas recibidas de { $admin }.
peers-pull-failed = No se ha podido contactar con { $admin }: { $message }

## Acuerdos

agr-title = Acuerdos
agr-intro = Un acuerdo es la base jurídica para intercambiar registros con otra administración. Lo firma el nodo que lo propone, lo refrenda el otro, y cualquiera de los dos puede revocarlo en cualquier momento.
agr-incoming = Propuestas pendientes de su respuesta
agr-outgoing = Sus propuestas pendientes de respuesta
agr-current = Acuerdos en vigor
agr-past = Finalizados, rechazados y aún no vigentes
agr-none = Ninguno.
agr-peer = Con
agr-legal-basis = Base jurídica
agr-scope = Datos intercambiados
agr-validity = Vigencia
agr-valid-from = Desde
agr-valid-until = Hasta (opcional)
agr-open-ended = sin fecha de fin
agr-state = Estado
agr-state-proposed = Propuesto
agr-state-active = Activo
agr-state-pending = Aún no vigente
agr-state-expired = Vencido
agr-state-rejected = Rechazado
agr-state-revoked = Revocado
agr-delivered = El otro nodo tiene esta versión.
agr-undelivered = Aún no entregado al otro nodo; se enviará cuando este se conecte.
agr-propose = Proponer un acuerdo
agr-propose-help = La propuesta la firma este nodo y se envía al otro nodo, cuyo administrador la acepta o la rechaza. No se intercambia nada antes de su aceptación.
agr-kinds = Registros
agr-kind-seizures = Incautaciones
agr-kind-suspects = Sospechosos
agr-kind-companies = Empresas
agr-direction = Sentido
agr-direction-both = En ambos sentidos
agr-direction-out = Solo de { $me } a la otra administración
agr-direction-in = Solo de la otra administración a { $me }
agr-commodities = Mercancías (solo incautaciones)
agr-commodities-help = Déjelo vacío para incluir todas las mercancías. Una categoría incluye todos sus tipos.
agr-commodities-all = todas las mercancías
agr-flow-commodities = { $kinds } (solo incautaciones de { $commodities })
agr-nothing-flows = No se intercambia nada.
agr-submit = Firmar y proponer
agr-proposed = Propuesta enviada a { $admin }.
agr-accept = Aceptar y refrendar
agr-reject = Rechazar
agr-revoke = Revocar…
agr-reason = Motivo (opcional)
agr-accepted = Acuerdo con { $admin } aceptado: los registros se intercambian ahora según lo indicado.
agr-rejected = Propuesta de { $admin } rechazada.
agr-revoked = Acuerdo con { $admin } revocado: ya no se intercambia nada en virtud de él.
agr-revoke-title = ¿Revocar este acuerdo?
agr-revoke-warning = Desde el momento en que lo confirme, no se intercambiará ningún registro entre { $a } y { $b } en virtud de este acuerdo, en ninguno de los dos sentidos. Se informa de inmediato al otro nodo. Esta acción no se puede deshacer: un nuevo acuerdo requiere una nueva propuesta y su aceptación.
agr-revoke-confirm = Sí, revocarlo
agr-cancel = Cancelar
agr-signatures = Firmas
agr-signed-by = Firmado por { $admin }
agr-fingerprint = SHA-256 de la firma
agr-proposed-at = Propuesto
agr-accepted-at = Aceptado
agr-rejected-at = Rechazado
agr-revoked-at = Revocado por { $admin }
agr-details = Detalles
agr-id = Identificador
agr-no-peers = Añada primero un par: los acuerdos se celebran con una administración conocida.

## Usuarios

users-title = Usuarios
users-intro = Las cuentas se bloquean tras { $count } contraseñas incorrectas, pasan a estar inactivas tras { $days } días sin uso, y sus contraseñas caducan a los { $age } días.
users-username = Nombre de usuario
users-display-name = Nombre completo
users-role = Rol
users-state = Estado
users-last-login = Último acceso
users-password-expires = Caducidad de la contraseña
users-actions = Acciones
users-state-active = Activa
users-state-blocked = Bloqueada
users-state-inactive = Inactiva
users-state-deactivated = Desactivada
users-must-change = debe cambiar la contraseña
users-expiring = caduca pronto
users-totp = dos factores
users-create = Crear una cuenta
users-password = Contraseña inicial
users-password-help = El usuario debe cambiarla en su primer inicio de sesión. Al menos { $min } caracteres.
users-submit = Crear cuenta
users-created = Cuenta { $user } creada.
users-unblock = Desbloquear
users-unblocked = Cuenta { $user } desbloqueada.
users-reset = Restablecer contraseña
users-reset-done = Nueva contraseña temporal para { $user }: { $password }. Entréguesela en persona; solo se muestra una vez.
users-deactivate = Desactivar
users-deactivated = Cuenta { $user } desactivada; sus sesiones se han cerrado.
users-reactivate = Reactivar
users-reactivated = Cuenta { $user } reactivada.
users-set-role = Cambiar rol
users-role-changed = { $user } tiene ahora el rol { $role }.
users-none = No hay cuentas.

## Registro de auditoría

audit-title = Registro de auditoría
audit-intro = Aquí se anotan cada inicio de sesión, cada cambio de cuenta, cada escritura y lectura de registros y cada intercambio con otro nodo; cada entrada está encadenada a la anterior mediante su hash.
audit-seq = N.º
audit-time = Fecha y hora
audit-actor = Autor
audit-action = Acción
audit-outcome = Resultado
audit-target = Objeto
audit-detail = Detalle
audit-filter = Filtrar
audit-filter-actor = Autor
audit-filter-action = La acción empieza por
audit-filter-outcome = Resultado
audit-filter-any = cualquiera
audit-filter-from = Desde
audit-filter-to = Hasta
audit-apply = Aplicar
audit-older = Entradas anteriores
audit-newer = Entradas más recientes
audit-none = Ninguna entrada coincide.
audit-verify = Verificar la cadena
audit-valid = La cadena está intacta: { $count } entradas, hash final { $hash }.
audit-invalid = La cadena está rota: { $problem }
audit-outcome-ok = correcto
audit-outcome-denied = denegado
audit-outcome-failed = fallido

## Mi cuenta

account-title = Mi cuenta
account-profile = Perfil
account-language = Idioma
account-language-help = El idioma de las páginas, de las etiquetas de las listas de códigos, de las fechas y de los números.
account-language-saved = Idioma guardado.
account-password = Cambiar la contraseña
account-current-password = Contraseña actual
account-new-password = Nueva contraseña
account-repeat-password = Repita la nueva contraseña
account-password-help = Al menos { $min } caracteres. Caduca a los { $days } días.
account-password-submit = Cambiar contraseña
account-password-changed = Contraseña cambiada.
account-totp = Autenticación de dos factores
account-totp-off = No activada. Si se activa, al iniciar sesión también se solicita un código de un solo uso de una aplicación de autenticación.
account-totp-on = Activada: al iniciar sesión se solicita un código de un solo uso.
account-totp-start = Configurar la autenticación de dos factores
account-totp-scan = Escanee este código con su aplicación de autenticación, o introduzca la clave manualmente, y escriba los seis dígitos que muestre.
account-totp-key = Clave
account-totp-code = Código de la aplicación
account-totp-enable = Activar
account-totp-enabled = Autenticación de dos factores activada.
account-totp-disable = Desactivar la autenticación de dos factores
account-totp-disabled = Autenticación de dos factores desactivada.

## Búsqueda (funcionarios y analistas)

nav-search = Búsqueda
search-title = Búsqueda
search-box = Texto de búsqueda
search-placeholder = Nombres, descripciones, lugares, referencias… en cualquier idioma
search-kind = Tipo de registro
search-kind-all = Todos los registros
search-submit = Buscar
search-facets = Refinar
search-remove-filter = Quitar este filtro
search-total = { $count } registros
search-none = No hay coincidencias. Quite un filtro o pruebe con otras palabras.
search-help = Escriba palabras de una descripción, un nombre, un lugar o una referencia, o elija un tipo de registro. No se distinguen tildes ni mayúsculas y minúsculas.
search-statistics = Estadísticas de estos resultados
search-previous = Anterior
search-next = Siguiente
search-col-kind = Tipo
search-col-date = Fecha
search-col-record = Registro
search-col-origin = Origen
search-too-long = Como máximo 500 caracteres.
search-bad-query = No se puede interpretar esta búsqueda: { $message }
facet-kind = Tipo de registro
facet-commodity = Mercancía
facet-country = País
facet-route_country = País de la ruta
facet-origin = Origen
facet-conveyance = Medio de transporte
facet-concealment = Ocultación
facet-detection_method = Método de detección
facet-year = Año

## Un registro

record-revision = revisión { $revision }
record-foreign = Recibido de { $admin } en virtud de un acuerdo: aquí solo puede consultarse. Solo { $admin } puede corregirlo o eliminarlo.
record-deleted = Este registro ha sido eliminado por su administración de origen.
record-general = Datos generales
record-goods = Mercancías
record-route = Ruta
record-offenders = Infractores
record-photos = Fotos
record-identity = Identidad
record-documents = Documentos de identidad
record-addresses = Direcciones
field-national-reference = Referencia nacional
field-date = Fecha
field-place = Lugar
field-location-type = Tipo de lugar
field-country = País
field-direction = Sentido
field-detection-method = Método de detección
field-conveyance = Medio de transporte
field-conveyance-id = Identificador del medio de transporte
field-concealment = Ocultación
field-departure = Salida
field-transit = Tránsito
field-destination = Destino
field-commodity = Mercancía
field-description = Descripción
field-quantity = Cantidad
field-unit = Unidad
field-value = Valor
field-summary = Resumen
field-remarks = Observaciones
field-family-name = Apellidos
field-given-names = Nombre
field-aliases = Alias
field-date-of-birth = Fecha de nacimiento
field-place-of-birth = Lugar de nacimiento
field-nationality = Nacionalidad
field-sex = Sexo
field-age = Edad
field-document-kind = Documento
field-document-number = Número
field-issuing-country = Expedido por
field-expiry = Caducidad
field-name = Nombre
field-registration = Números de registro
field-role = Rol
field-city = Ciudad
field-street = Calle
field-photo-kind = Tipo
field-photo-caption = Pie de foto

## Estadísticas y exportación de una búsqueda

stats-title = Estadísticas
stats-intro = Recuento de los registros que coinciden con la búsqueda indicada a continuación, desglosado por cada una de sus características.
stats-back = Volver a los resultados
stats-by-year = Incautaciones por año
stats-by-commodity = Incautaciones por mercancía
stats-by-route = Principales países de la ruta
stats-by-detection = Métodos de detección
stats-by-conveyance = Medios de transporte
stats-by-concealment = Métodos de ocultación
stats-by-origin = Por administración de origen
stats-by-country = Por país de la incautación
stats-quantities = Cantidades por mercancía
stats-quantities-month = Cantidades por mes
stats-records = Registros
stats-share = Porcentaje
stats-none = Ningún registro coincide con esta búsqueda.
stats-chart-missing = No se ha podido dibujar el gráfico; la tabla recoge las cifras.
export-xlsx = Exportar a Excel (XLSX)
export-csv = Exportar a CSV
export-capped = La exportación contiene los primeros { $count } resultados.

## Introducción de registros (funcionarios)

nav-new-seizure = Nueva incautación
form-new-seizure = Nueva incautación
form-edit-seizure = Corregir una incautación
form-choose = Elija…
form-has-errors = Algunos campos requieren su atención; cada uno está señalado a continuación.
form-multi-help = Mantenga pulsada la tecla Ctrl (o ⌘) para elegir varios, en el orden de la ruta.
field-postal-code = Código postal
field-scheme = Sistema (p. ej. EORI, IVA)
form-new-suspect = Nuevo sospechoso
form-new-company = Nueva empresa
form-edit-suspect = Corregir un sospechoso
form-edit-company = Corregir una empresa
form-link-help = Escriba la referencia nacional de un sospechoso o empresa que tenga este nodo (BE/BE-2026-000042 para los de otra administración); la lista sugiere los más recientes.
form-suspect = Sospechoso
form-companies = Empresas implicadas
form-unknown-record = Este nodo no tiene ese registro.
form-add-line = Añadir una línea de mercancías
form-summary-help = No nominativo: se envía a la base de datos mundial CEN de la WCO.
form-remarks-help = Nominativo: permanece en esta administración y solo se envía adonde lo permita un acuerdo.
form-save = Firmar y guardar
form-save-revision = Firmar y guardar una nueva revisión
form-saved = Incautación { $reference } guardada y firmada.
form-stale = Entretanto, alguien ha guardado una revisión más reciente de esta incautación. Vuelva a cargarla y corríjala de nuevo.
form-duplicate = Esta referencia nacional ya la utiliza otra incautación.
form-not-a-number = Escriba un número, p. ej. 12,5
field-currency = Moneda
record-edit = Corregir

## Importación masiva (funcionarios)

nav-import = Importación
import-title = Importar registros
import-intro = Incautaciones, sospechosos y empresas procedentes de un sistema nacional, en la plantilla estándar: cada fila se coteja con las listas de códigos, las filas válidas se firman y se guardan, y las no válidas se enumeran con su número de fila y el motivo. Importar de nuevo el mismo archivo no añade nada.
import-template = La plantilla estándar
import-template-help = Un libro con una hoja por cada tipo de registro, una fila de ejemplo en cada una y listas desplegables con los códigos.
import-template-download = Descargar la plantilla (XLSX)
import-upload = Importar un archivo
import-file = Archivo
import-file-help = El libro (XLSX), una hoja en formato CSV o los archivos CSV dentro de un ZIP; como máximo { $max } MiB.
import-sheet = Hoja de un archivo CSV
import-sheet-help = Solo para un único archivo CSV: qué hoja de la plantilla contiene.
import-dry-run = Simulación
import-dry-run-help = Solo comprobar: no se guarda nada y se notifican todos los errores.
import-submit = Importar
import-no-file = Elija un archivo para importar.
import-busy = Hay demasiadas importaciones en curso en este nodo; vuelva a intentarlo dentro de un minuto.
import-report = Informe de importación
import-report-dry = Informe de la simulación
import-reading = Leyendo el archivo: { $rows } filas leídas.
import-storing = Comprobando y guardando: { $done } de { $total } filas.
import-read = Leídas
import-valid = Válidas
import-invalid = No válidas
import-created = Guardadas ahora
import-existing = Ya presentes
import-dry-done = No se ha guardado nada. Vuelva a importar el archivo sin «Simulación» para guardar las filas válidas.
import-invalid-rows = Filas rechazadas: { $count }
import-col-sheet = Hoja
import-col-row = Fila
import-col-column = Columna
import-col-reason = Motivo
import-more-invalid = Aquí solo se muestran los primeros 500 rechazos; el informe de la API enumera hasta 10 000.

## Investigaciones (funcionarios y supervisores)

nav-investigations = Investigaciones
inv-title = Investigaciones
inv-none = Aún no hay investigaciones.
inv-case = Expediente
inv-status = Estado
inv-assignees = Funcionarios asignados
inv-updated = Último cambio
inv-yours = asignada a usted
inv-open = Abrir una investigación
inv-case-title = Título
inv-summary = Resumen
inv-open-submit = Abrir
inv-opened = Abierta por { $user } el { $date }
inv-nobody = Aún nadie.
inv-assign = Asignar funcionarios
inv-assign-submit = Asignar
inv-links = Registros vinculados
inv-no-links = Aún no hay registros vinculados.
inv-link-kind = Tipo de registro
inv-link-reference = Referencia nacional o identificador
inv-link-help = Una referencia de esta administración (NL-2026-000123), de otra con el formato BE/BE-2026-000042, o el identificador del registro.
inv-link-submit = Vincular
inv-link-unknown = Este registro no existe en este nodo.
inv-thread = Historial
inv-note = Nota
inv-attachment = Archivo adjunto (opcional)
inv-note-submit = Añadir al historial
inv-status-open = Abierta
inv-status-assigned = Asignada
inv-status-in_progress = En curso
inv-status-suspended = Suspendida
inv-status-closed = Cerrada
inv-move-in_progress = Iniciar el trabajo
inv-move-suspended = Suspender
inv-move-closed = Cerrar
inv-move-open = Reabrir
inv-move-assigned = Volver a «Asignada»
inv-entry-opened = abrió el expediente
inv-entry-note = escribió
inv-entry-assigned = asignó
inv-entry-status = cambió el estado
inv-entry-linked = vinculó un registro

## Búsqueda mientras se escribe en los campos de sospechoso y empresa del formulario de incautación
suggest-help = O escriba parte de un nombre: se proponen los sospechosos y empresas que coinciden mientras escribe.
suggest-signed-out = Su sesión ha terminado: vuelva a iniciar sesión para obtener sugerencias.
suggest-password-change = Cambie primero su contraseña en la página Mi cuenta.
suggest-unknown-collection = Solo se ofrecen sugerencias para sospechosos y empresas.
suggest-too-long = Escriba como máximo { $max } caracteres.
suggest-bad-query = Esta solicitud de sugerencias no se puede leer.
suggest-unavailable = Las sugerencias no están disponibles en este momento; escriba la referencia nacional.

## Photos of records
photo-file = Archivo de imagen
photo-file-help = JPEG o PNG, { $max } MiB como máximo. El tipo se lee del propio archivo, no de su nombre.
photo-kind-help = Las personas y los documentos son nominativos: solo salen de este nodo en virtud de un acuerdo que cubra el registro. Las fotos de mercancías, de ocultación y de rayos X llegan también al hub de la OMA.
photo-add = Añadir la foto
photo-remove = Quitar
photo-remove-confirm = ¿Quitar esta foto del registro? Se firmará una nueva revisión.
photo-not-held = Aún no recibida
photo-added = Se añadió la foto: se firmó una nueva revisión del registro.
photo-removed = Se quitó la foto: se firmó una nueva revisión del registro.
photo-error-empty = Elija un archivo.
photo-error-too-large = El archivo es demasiado grande.
photo-error-type = El archivo no es una imagen JPEG o PNG, diga lo que diga su nombre.
photo-error-pixels = La imagen tiene demasiados píxeles.
photo-error-damaged = La imagen está dañada o incompleta.
photo-error-duplicate = Esta foto ya figura en el registro.
photo-error-stale = Alguien guardó entretanto una revisión más reciente de este registro. Inténtelo de nuevo.
facet-photo_kind = Tipo de foto
search-view = Mostrar los resultados como
search-view-list = Lista
search-view-photos = Fotos
search-photos-none = Ningún registro de esta página tiene una foto de ese tipo. Afine la búsqueda con la faceta del tipo de foto.
