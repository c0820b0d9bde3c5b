## A interface web do nó. Placeables: $admin é um código de administração (NL, WCO), $user um nome de utilizador.

app-name = nCEN
app-title = nCEN · { $admin }
role-hub = Nó central da WCO
role-national = Nó nacional
footer = nCEN · Customs Enforcement Network

## Navegação

nav-dashboard = Painel
nav-peers = Pares
nav-agreements = Acordos
nav-users = Utilizadores
nav-audit = Registo de auditoria
nav-account = A minha conta
nav-logout = Terminar sessão
nav-language = Idioma
nav-skip = Saltar para o conteúdo
list-separator = {", "}
action-change = Alterar

## Funções

role-administrator = Administrador
role-national_contact_point = Ponto de contacto nacional
role-officer = Funcionário aduaneiro
role-analyst = Analista
role-auditor = Auditor
role-supervisor = Supervisor

## Início de sessão

login-title = Iniciar sessão
login-intro = Inicie sessão no nó { $admin } com a conta que o seu ponto de contacto nacional lhe atribuiu.
login-username = Nome de utilizador
login-password = Palavra-passe
login-totp = Código de utilização única
login-totp-hint = Os seis dígitos que a sua aplicação de autenticação mostra para esta conta.
login-submit = Iniciar sessão
login-failed = Nome de utilizador ou palavra-passe incorretos.
login-blocked = Esta conta foi bloqueada após { $count } palavras-passe erradas. Peça ao seu ponto de contacto nacional que a desbloqueie.
login-inactive = Esta conta foi inativada após { $days } dias sem utilização. Peça ao seu ponto de contacto nacional que a reative.
login-deactivated = Esta conta está desativada. Contacte o seu ponto de contacto nacional.
login-totp-required = Introduza o código de utilização única da sua aplicação de autenticação.
login-totp-wrong = O código de utilização única está errado ou expirou.
login-logged-out = Terminou a sessão.
login-expired = A sua sessão terminou. Inicie sessão novamente.

## Avisos em todas as páginas

notice-password-expires = A sua palavra-passe expira em { $date }. Altere-a em A minha conta antes dessa data.
notice-password-change-required = Tem de escolher uma nova palavra-passe antes de continuar.
notice-saved = Guardado.

## Erros

error-title = Ocorreu um erro
error-forbidden-title = Não autorizado
error-forbidden = A sua função ({ $role }) não permite abrir esta página nem realizar esta ação.
error-not-found-title = Não encontrado
error-not-found = Esta página não existe.
error-csrf = Este formulário expirou ou não provém deste sítio. Recarregue a página e tente novamente.
error-internal = O nó não conseguiu concluir esta operação. Os pormenores constam do respetivo registo.
error-network-off = Este nó está a funcionar sem a sua rede: os pares e os acordos não estão disponíveis.
error-back = Voltar ao painel

## Validação de formulários, junto ao campo

field-required = Obrigatório.
field-too-long = No máximo { $max } caracteres.
field-bad-administration = Utilize um código de país ISO de duas letras, como BE.
field-bad-peer-id = Não é um PeerId: começa por 12D3KooW e é fornecido pelo administrador do outro nó.
field-bad-address = Não é um endereço libp2p, como /ip4/192.0.2.20/tcp/4001.
field-bad-date = Utilize uma data como 2026-12-31.
field-date-order = Tem de ser posterior à data de início.
field-choose-kind = Escolha pelo menos um tipo de registo.
field-bad-username = De 3 a 64 letras minúsculas, algarismos, pontos, hífenes ou sublinhados.
field-username-taken = Este nome de utilizador já está a ser utilizado.
field-password-length = Pelo menos { $min } caracteres.
field-password-mismatch = As duas palavras-passe não coincidem.
field-password-same = Tem de ser diferente da palavra-passe atual.
field-password-wrong = Esta não é a sua palavra-passe atual.
field-bad-totp = Seis dígitos da aplicação de autenticação.
field-not-allowed = Não pode atribuir esta função.
field-server = { $message }

## Painel

dash-title = Painel
dash-identity = Este nó
dash-administration = Administração
dash-node-role = Função
dash-peer-id = PeerId
dash-public-key = Chave pública (Ed25519)
dash-listening = À escuta em
dash-version = Versão
dash-hub = Nó central da WCO
dash-hub-none = Nenhum nó central configurado: este nó só efetua intercâmbios com os pares abaixo indicados.
dash-hub-self = Este nó é o nó central da WCO.
dash-connected = Ligado
dash-disconnected = Não ligado
dash-peers = Pares e replicação
dash-no-peers = Ainda não há pares. Um administrador pode adicioná-los em Pares.
dash-records = Registos detidos, por origem
dash-no-records = Ainda não há registos.
dash-seizures = Apreensões
dash-suspects = Suspeitos
dash-companies = Empresas
dash-own = { $admin } (este nó)
dash-revisions = Revisões de registos assinadas
dash-audit-entries = Entradas do registo de auditoria
dash-agreements-active = Acordos ativos
dash-agreements-waiting = Propostas a aguardar a sua resposta

## Pares

peers-title = Pares
peers-intro = Os pares são os outros nós com que este nó comunica. Um nó só aceita ligações dos seus pares, do nó central e dos membros do diretório do nó central, e só efetua intercâmbio de registos ao abrigo de um acordo ativo.
peers-administration = Administração
peers-peer-id = PeerId
peers-addresses = Endereços
peers-source = Origem
peers-source-peers = Adicionado aqui
peers-source-directory = Diretório do nó central
peers-source-hub = Nó central
peers-state = Ligação
peers-last-seen = Último contacto
peers-never = nunca
peers-lag-in = A aguardar receção
peers-lag-out = A aguardar envio
peers-lag-unknown = desconhecido
peers-none = Ainda não há pares.
peers-add = Adicionar um par
peers-add-help = Peça ao administrador do nó da outra administração o respetivo PeerId e endereço.
peers-address-help = Um por linha, p. ex. /ip4/192.0.2.20/tcp/4001
peers-submit = Adicionar par
peers-remove = Remover
peers-remove-confirm = Remover { $admin } dos pares deste nó? Os registos já recebidos são mantidos; não haverá mais intercâmbios, salvo se o diretório do nó central o incluir.
peers-added = Par { $admin } adicionado.
peers-removed = Par { $admin } removido.
peers-pull = Obter agora
peers-pulled = { $count } entradas recebidas de { $admin }.
peers-pull-failed = Não foi possível contactar { $admin }: { $message }

## Acordos

agr-title = Acordos
agr-intro = Um acordo é a base jurídica para o intercâmbio de registos com outra administração. É assinado pelo nó proponente, contra-assinado pelo outro e pode ser revogado por qualquer um deles a qualquer momento.
agr-incoming = Propostas a aguardar a sua resposta
agr-outgoing = As suas propostas a aguardar resposta
agr-current = Acordos em vigor
agr-past = Terminados, rejeitados e ainda não válidos
agr-none = Nenhum.
agr-peer = Com
agr-legal-basis = Base jurídica
agr-scope = O que é partilhado
agr-validity = Validade
agr-valid-from = De
agr-valid-until = Até (opcional)
agr-open-ended = sem termo
agr-state = Estado
agr-state-proposed = Proposto
agr-state-active = Ativo
agr-state-pending = Ainda não válido
agr-state-expired = Expirado
agr-state-rejected = Rejeitado
agr-state-revoked = Revogado
agr-delivered = O outro nó tem esta versão.
agr-undelivered = Ainda não entregue ao outro nó; será enviado quando este se ligar.
agr-propose = Propor um acordo
agr-propose-help = A proposta é assinada por este nó e enviada ao outro nó, cujo administrador a aceita ou rejeita. Nada é partilhado antes de ser aceite.
agr-kinds = Registos
agr-kind-seizures = Apreensões
agr-kind-suspects = Suspeitos
agr-kind-companies = Empresas
agr-direction = Sentido
agr-direction-both = Nos dois sentidos
agr-direction-out = Apenas de { $me } para a outra administração
agr-direction-in = Apenas da outra administração para { $me }
agr-commodities = Mercadorias (apenas apreensões)
agr-commodities-help = Deixe em branco para todas as mercadorias. Uma categoria inclui todos os seus tipos.
agr-commodities-all = todas as mercadorias
agr-flow-commodities = { $kinds } (apenas apreensões de { $commodities })
agr-nothing-flows = Nada é partilhado.
agr-submit = Assinar e propor
agr-proposed = Proposta enviada a { $admin }.
agr-accept = Aceitar e contra-assinar
agr-reject = Rejeitar
agr-revoke = Revogar…
agr-reason = Motivo (opcional)
agr-accepted = Acordo com { $admin } aceite: os registos passam a ser partilhados conforme indicado.
agr-rejected = Proposta de { $admin } rejeitada.
agr-revoked = Acordo com { $admin } revogado: nada mais é partilhado ao seu abrigo.
agr-revoke-title = Revogar este acordo?
agr-revoke-warning = A partir do momento em que confirmar, nenhum registo circula entre { $a } e { $b } ao abrigo deste acordo, em nenhum dos sentidos. O outro nó é informado de imediato. Esta ação é irreversível: um novo acordo exige uma nova proposta e a respetiva aceitação.
agr-revoke-confirm = Sim, revogar
agr-cancel = Cancelar
agr-signatures = Assinaturas
agr-signed-by = Assinado por { $admin }
agr-fingerprint = SHA-256 da assinatura
agr-proposed-at = Proposto em
agr-accepted-at = Aceite em
agr-rejected-at = Rejeitado em
agr-revoked-at = Revogado por { $admin }
agr-details = Pormenores
agr-id = Identificador
agr-no-peers = Adicione primeiro um par: um acordo é celebrado com uma administração conhecida.

## Utilizadores

users-title = Utilizadores
users-intro = As contas são bloqueadas após { $count } palavras-passe erradas e inativadas após { $days } dias sem utilização, e as respetivas palavras-passe expiram após { $age } dias.
users-username = Nome de utilizador
users-display-name = Nome completo
users-role = Função
users-state = Estado
users-last-login = Último início de sessão
users-password-expires = Palavra-passe expira
users-actions = Ações
users-state-active = Ativa
users-state-blocked = Bloqueada
users-state-inactive = Inativa
users-state-deactivated = Desativada
users-must-change = tem de alterar a palavra-passe
users-expiring = expira em breve
users-totp = dois fatores
users-create = Criar uma conta
users-password = Palavra-passe inicial
users-password-help = O utilizador tem de a alterar no primeiro início de sessão. Pelo menos { $min } caracteres.
users-submit = Criar conta
users-created = Conta { $user } criada.
users-unblock = Desbloquear
users-unblocked = Conta { $user } desbloqueada.
users-reset = Redefinir palavra-passe
users-reset-done = Nova palavra-passe temporária para { $user }: { $password } — entregue-a pessoalmente; só é mostrada uma vez.
users-deactivate = Desativar
users-deactivated = Conta { $user } desativada; as respetivas sessões foram terminadas.
users-reactivate = Reativar
users-reactivated = Conta { $user } reativada.
users-set-role = Alterar função
users-role-changed = { $user } tem agora a função { $role }.
users-none = Não há contas.

## Registo de auditoria

audit-title = Registo de auditoria
audit-intro = Todos os inícios de sessão, alterações de contas, escritas e leituras de registos, bem como todos os intercâmbios com outros nós, ficam aqui registados, estando cada entrada encadeada à anterior pelo respetivo hash.
audit-seq = N.º
audit-time = Hora
audit-actor = Quem
audit-action = Ação
audit-outcome = Resultado
audit-target = Objeto
audit-detail = Pormenor
audit-filter = Filtrar
audit-filter-actor = Quem
audit-filter-action = Ação começa por
audit-filter-outcome = Resultado
audit-filter-any = qualquer
audit-filter-from = De
audit-filter-to = Até
audit-apply = Aplicar
audit-older = Entradas mais antigas
audit-newer = Entradas mais recentes
audit-none = Nenhuma entrada corresponde.
audit-verify = Verificar a cadeia
audit-valid = A cadeia está íntegra: { $count } entradas, hash mais recente { $hash }.
audit-invalid = A cadeia está quebrada: { $problem }
audit-outcome-ok = ok
audit-outcome-denied = recusado
audit-outcome-failed = falhou

## A minha conta

account-title = A minha conta
account-profile = Perfil
account-language = Idioma
account-language-help = O idioma das páginas, das designações das listas de códigos, das datas e dos números.
account-language-saved = Idioma guardado.
account-password = Alterar palavra-passe
account-current-password = Palavra-passe atual
account-new-password = Nova palavra-passe
account-repeat-password = Repetir a nova palavra-passe
account-password-help = Pelo menos { $min } caracteres. Expira após { $days } dias.
account-password-submit = Alterar palavra-passe
account-password-changed = Palavra-passe alterada.
account-totp = Autenticação de dois fatores
account-totp-off = Não ativada. Quando ativada, o início de sessão pede também um código de utilização única gerado por uma aplicação de autenticação.
account-totp-on = Ativada: o início de sessão pede um código de utilização única.
account-totp-start = Configurar a autenticação de dois fatores
account-totp-scan = Leia este código com a sua aplicação de autenticação, ou introduza a chave manualmente, e depois escreva os seis dígitos apresentados.
account-totp-key = Chave
account-totp-code = Código da aplicação
account-totp-enable = Ativar
account-totp-enabled = Autenticação de dois fatores ativada.
account-totp-disable = Desativar a autenticação de dois fatores
account-totp-disabled = Autenticação de dois fatores desativada.

## Pesquisa (funcionários aduaneiros e analistas)

nav-search = Pesquisa
search-title = Pesquisa
search-box = Texto a pesquisar
search-placeholder = Nomes, descrições, locais, referências… em qualquer idioma
search-kind = Tipo de registo
search-kind-all = Todos os registos
search-submit = Pesquisar
search-facets = Refinar
search-remove-filter = Remover este filtro
search-total = { $count } registos
search-none = Nenhum resultado. Remova um filtro ou experimente outras palavras.
search-help = Escreva palavras de uma descrição, de um nome, de um local ou de uma referência, ou escolha um tipo de registo. Os acentos e as maiúsculas e minúsculas não são tidos em conta.
search-statistics = Estatísticas destes resultados
search-previous = Anterior
search-next = Seguinte
search-col-kind = Tipo
search-col-date = Data
search-col-record = Registo
search-col-origin = Origem
search-too-long = No máximo 500 caracteres.
search-bad-query = Não é possível interpretar esta pesquisa: { $message }
facet-kind = Tipo de registo
facet-commodity = Mercadoria
facet-country = País
facet-route_country = País do itinerário
facet-origin = Origem
facet-conveyance = Meio de transporte
facet-concealment = Ocultação
facet-detection_method = Método de deteção
facet-year = Ano

## Um registo

record-revision = revisão { $revision }
record-foreign = Recebido de { $admin } ao abrigo de um acordo: aqui só pode ser consultado. Só { $admin } o pode corrigir ou eliminar.
record-deleted = Este registo foi eliminado pela administração de origem.
record-general = Dados gerais
record-goods = Mercadorias
record-route = Itinerário
record-offenders = Infratores
record-photos = Fotografias
record-identity = Identidade
record-documents = Documentos de identificação
record-addresses = Moradas
field-national-reference = Referência nacional
field-date = Data
field-place = Local
field-location-type = Tipo de local
field-country = País
field-direction = Sentido
field-detection-method = Método de deteção
field-conveyance = Meio de transporte
field-conveyance-id = Identificação do meio de transporte
field-concealment = Ocultação
field-departure = Partida
field-transit = Trânsito
field-destination = Destino
field-commodity = Mercadoria
field-description = Descrição
field-quantity = Quantidade
field-unit = Unidade
field-value = Valor
field-summary = Resumo
field-remarks = Observações
field-family-name = Apelido
field-given-names = Nomes próprios
field-aliases = Alcunhas
field-date-of-birth = Data de nascimento
field-place-of-birth = Local de nascimento
field-nationality = Nacionalidade
field-sex = Sexo
field-age = Idade
field-document-kind = Documento
field-document-number = Número
field-issuing-country = Emitido por
field-expiry = Validade
field-name = Nome
field-registration = Números de identificação
field-role = Função
field-city = Localidade
field-street = Rua
field-photo-kind = Tipo
field-photo-caption = Legenda

## Estatísticas e exportação de uma pesquisa

stats-title = Estatísticas
stats-intro = Contagem dos registos que correspondem à pesquisa abaixo, por cada uma das respetivas características.
stats-back = Voltar aos resultados
stats-by-year = Apreensões por ano
stats-by-commodity = Apreensões por mercadoria
stats-by-route = Principais países do itinerário
stats-by-detection = Métodos de deteção
stats-by-conveyance = Meios de transporte
stats-by-concealment = Métodos de ocultação
stats-by-origin = Por administração de origem
stats-by-country = Por país da apreensão
stats-quantities = Quantidades por mercadoria
stats-quantities-month = Quantidades por mês
stats-records = Registos
stats-share = Percentagem
stats-none = Nenhum registo corresponde a esta pesquisa.
stats-chart-missing = Não foi possível desenhar o gráfico; a tabela apresenta os números.
export-xlsx = Exportar para Excel (XLSX)
export-csv = Exportar para CSV
export-capped = A exportação contém os primeiros { $count } resultados.

## Introdução de registos (funcionários aduaneiros)

nav-new-seizure = Nova apreensão
form-new-seizure = Nova apreensão
form-edit-seizure = Corrigir uma apreensão
form-choose = Escolher…
form-has-errors = Alguns campos requerem a sua atenção; cada um está assinalado abaixo.
form-multi-help = Mantenha premida a tecla Ctrl (ou ⌘) para escolher vários, pela ordem do itinerário.
field-postal-code = Código postal
field-scheme = Sistema (p. ex. EORI, IVA)
form-new-suspect = Novo suspeito
form-new-company = Nova empresa
form-edit-suspect = Corrigir um suspeito
form-edit-company = Corrigir uma empresa
form-link-help = Indique a referência nacional de um suspeito ou empresa que este nó tenha (BE/BE-2026-000042 para os de outra administração); a lista sugere os mais recentes.
form-suspect = Suspeito
form-companies = Empresas envolvidas
form-unknown-record = Este nó não tem esse registo.
form-add-line = Adicionar uma linha de mercadorias
form-summary-help = Não nominativo: é enviado para a base de dados mundial CEN da WCO.
form-remarks-help = Nominativo: permanece nesta administração e só é enviado para onde um acordo o permita.
form-save = Assinar e guardar
form-save-revision = Assinar e guardar uma nova revisão
form-saved = Apreensão { $reference } guardada e assinada.
form-stale = Entretanto, alguém guardou uma revisão mais recente desta apreensão. Recarregue-a e corrija-a novamente.
form-duplicate = Esta referência nacional já é utilizada por outra apreensão.
form-not-a-number = Escreva um número, p. ex. 12,5
field-currency = Moeda
record-edit = Corrigir

## Importação em massa (funcionários aduaneiros)

nav-import = Importação
import-title = Importar registos
import-intro = Apreensões, suspeitos e empresas provenientes de um sistema nacional, no modelo normalizado: cada linha é verificada face às listas de códigos, as linhas válidas são assinadas e guardadas e as inválidas são listadas com o respetivo número de linha e o motivo. Importar novamente o mesmo ficheiro não acrescenta nada.
import-template = O modelo normalizado
import-template-help = Um livro com uma folha por tipo de registo, uma linha de exemplo em cada uma e listas pendentes com os códigos.
import-template-download = Descarregar o modelo (XLSX)
import-upload = Importar um ficheiro
import-file = Ficheiro
import-file-help = O livro (XLSX), uma folha em formato CSV ou os ficheiros CSV num arquivo ZIP; no máximo { $max } MiB.
import-sheet = Folha de um ficheiro CSV
import-sheet-help = Apenas para um único ficheiro CSV: a folha do modelo que contém.
import-dry-run = Simulação
import-dry-run-help = Apenas verificar: nada é guardado e todos os erros são comunicados.
import-submit = Importar
import-no-file = Escolha um ficheiro para importar.
import-busy = Estão a decorrer demasiadas importações neste nó; tente novamente dentro de um minuto.
import-report = Relatório de importação
import-report-dry = Relatório da simulação
import-reading = A ler o ficheiro: { $rows } linhas lidas.
import-storing = A verificar e a guardar: { $done } de { $total } linhas.
import-read = Lidas
import-valid = Válidas
import-invalid = Inválidas
import-created = Guardadas agora
import-existing = Já existentes
import-dry-done = Nada foi guardado. Importe novamente o ficheiro sem «Simulação» para guardar as linhas válidas.
import-invalid-rows = Linhas recusadas: { $count }
import-col-sheet = Folha
import-col-row = Linha
import-col-column = Coluna
import-col-reason = Motivo
import-more-invalid = Só são apresentadas aqui as primeiras 500 recusas; o relatório da API lista até 10 000.

## Investigações (funcionários aduaneiros e supervisores)

nav-investigations = Investigações
inv-title = Investigações
inv-none = Ainda não há investigações.
inv-case = Processo
inv-status = Estado
inv-assignees = Funcionários aduaneiros designados
inv-updated = Última alteração
inv-yours = atribuída a si
inv-open = Abrir uma investigação
inv-case-title = Título
inv-summary = Resumo
inv-open-submit = Abrir
inv-opened = Aberta por { $user } em { $date }
inv-nobody = Ainda ninguém.
inv-assign = Designar funcionários aduaneiros
inv-assign-submit = Designar
inv-links = Registos associados
inv-no-links = Ainda não há registos associados.
inv-link-kind = Tipo de registo
inv-link-reference = Referência nacional ou identificador
inv-link-help = Uma referência desta administração (NL-2026-000123), de outra no formato BE/BE-2026-000042, ou o identificador do registo.
inv-link-submit = Associar
inv-link-unknown = Este registo não existe neste nó.
inv-thread = Histórico
inv-note = Nota
inv-attachment = Anexo (opcional)
inv-note-submit = Adicionar ao histórico
inv-status-open = Aberta
inv-status-assigned = Atribuída
inv-status-in_progress = Em curso
inv-status-suspended = Suspensa
inv-status-closed = Encerrada
inv-move-in_progress = Iniciar o trabalho
inv-move-suspended = Suspender
inv-move-closed = Encerrar
inv-move-open = Reabrir
inv-move-assigned = Voltar a «Atribuída»
inv-entry-opened = abriu o processo
inv-entry-note = escreveu
inv-entry-assigned = designou
inv-entry-status = alterou o estado
inv-entry-linked = associou um registo

## Pesquisa durante a escrita nos campos de suspeito e empresa do formulário de apreensão
suggest-help = Ou escreva parte de um nome: os suspeitos e empresas correspondentes são propostos enquanto escreve.
suggest-signed-out = A sua sessão terminou: inicie sessão novamente para obter sugestões.
suggest-password-change = Altere primeiro a sua palavra-passe na página A minha conta.
suggest-unknown-collection = Só são oferecidas sugestões para suspeitos e empresas.
suggest-too-long = Escreva no máximo { $max } caracteres.
suggest-bad-query = Este pedido de sugestões não pode ser lido.
suggest-unavailable = As sugestões não estão disponíveis de momento; escreva a referência nacional.

## Photos of records
photo-file = Ficheiro de imagem
photo-file-help = JPEG ou PNG, no máximo { $max } MiB. O tipo é lido do próprio ficheiro, não do nome.
photo-kind-help = Pessoas e documentos são nominativos: só saem deste nó ao abrigo de um acordo que abranja o registo. As fotografias de mercadorias, de dissimulação e de raios X chegam também ao hub da OMA.
photo-add = Adicionar a fotografia
photo-remove = Retirar
photo-remove-confirm = Retirar esta fotografia do registo? Será assinada uma nova revisão.
photo-not-held = Ainda não recebida
photo-added = A fotografia foi adicionada: foi assinada uma nova revisão do registo.
photo-removed = A fotografia foi retirada: foi assinada uma nova revisão do registo.
photo-error-empty = Escolha um ficheiro.
photo-error-too-large = O ficheiro é demasiado grande.
photo-error-type = O ficheiro não é uma imagem JPEG ou PNG, diga o nome o que disser.
photo-error-pixels = A imagem tem demasiados píxeis.
photo-error-damaged = A imagem está danificada ou incompleta.
photo-error-duplicate = Esta fotografia já consta do registo.
photo-error-stale = Alguém guardou entretanto uma revisão mais recente deste registo. Tente de novo.
facet-photo_kind = Tipo de fotografia
search-view = Mostrar os resultados como
search-view-list = Lista
search-view-photos = Fotografias
search-photos-none = Nenhum registo desta página tem uma fotografia desse tipo. Afine a pesquisa com a faceta do tipo de fotografia.
