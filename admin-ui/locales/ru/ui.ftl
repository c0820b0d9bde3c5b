## Веб-интерфейс узла. Подстановки: $admin — код администрации (NL, WCO), $user — имя пользователя.

app-name = nCEN
app-title = nCEN · { $admin }
role-hub = Центральный узел WCO
role-national = Национальный узел
footer = nCEN · Сеть таможенного правоприменения

## Навигация

nav-dashboard = Сводка
nav-peers = Узлы-партнёры
nav-agreements = Соглашения
nav-users = Пользователи
nav-audit = Журнал аудита
nav-account = Моя учётная запись
nav-logout = Выйти
nav-language = Язык
nav-skip = Перейти к содержимому
list-separator = {", "}
action-change = Изменить

## Роли

role-administrator = Администратор
role-national_contact_point = Национальный контактный пункт
role-officer = Сотрудник
role-analyst = Аналитик
role-auditor = Аудитор
role-supervisor = Руководитель

## Вход в систему

login-title = Вход
login-intro = Войдите в узел { $admin } с учётной записью, выданной вам национальным контактным пунктом.
login-username = Имя пользователя
login-password = Пароль
login-totp = Одноразовый код
login-totp-hint = Шесть цифр, которые приложение-аутентификатор показывает для этой учётной записи.
login-submit = Войти
login-failed = Неверное имя пользователя или пароль.
login-blocked = Эта учётная запись заблокирована после { $count } неудачных попыток ввода пароля. Обратитесь в национальный контактный пункт для её разблокировки.
login-inactive = Эта учётная запись переведена в неактивное состояние, так как не использовалась в течение { $days } дн. Обратитесь в национальный контактный пункт для её повторной активации.
login-deactivated = Эта учётная запись деактивирована. Обратитесь в национальный контактный пункт.
login-totp-required = Введите одноразовый код из приложения-аутентификатора.
login-totp-wrong = Одноразовый код неверен или срок его действия истёк.
login-logged-out = Вы вышли из системы.
login-expired = Ваш сеанс завершён. Войдите снова.

## Уведомления на каждой странице

notice-password-expires = Срок действия вашего пароля истекает { $date }. До этой даты смените его в разделе «Моя учётная запись».
notice-password-change-required = Прежде чем продолжить, необходимо задать новый пароль.
notice-saved = Сохранено.

## Ошибки

error-title = Произошла ошибка
error-forbidden-title = Доступ запрещён
error-forbidden = Ваша роль ({ $role }) не позволяет открыть эту страницу или выполнить это действие.
error-not-found-title = Не найдено
error-not-found = Такой страницы не существует.
error-csrf = Срок действия этой формы истёк, или она была отправлена не с этого сайта. Перезагрузите страницу и повторите попытку.
error-internal = Узлу не удалось выполнить эту операцию. Подробности содержатся в его журнале.
error-network-off = Этот узел работает без подключения к сети: узлы-партнёры и соглашения недоступны.
error-back = Вернуться к сводке

## Проверка полей формы (рядом с полем)

field-required = Обязательное поле.
field-too-long = Не более { $max } симв.
field-bad-administration = Используйте двухбуквенный код страны ISO, например BE.
field-bad-peer-id = Это не PeerId: он начинается с 12D3KooW и предоставляется администратором другого узла.
field-bad-address = Это не адрес libp2p, например /ip4/192.0.2.20/tcp/4001.
field-bad-date = Укажите дату в формате 2026-12-31.
field-date-order = Должна быть позже даты начала.
field-choose-kind = Выберите хотя бы один тип записей.
field-bad-username = От 3 до 64 символов: строчные латинские буквы, цифры, точки, дефисы или символы подчёркивания.
field-username-taken = Это имя пользователя уже занято.
field-password-length = Не менее { $min } симв.
field-password-mismatch = Пароли не совпадают.
field-password-same = Должен отличаться от текущего пароля.
field-password-wrong = Это не ваш текущий пароль.
field-bad-totp = Шесть цифр из приложения-аутентификатора.
field-not-allowed = Вы не можете назначить эту роль.
field-server = { $message }

## Сводка

dash-title = Сводка
dash-identity = Этот узел
dash-administration = Администрация
dash-node-role = Роль
dash-peer-id = PeerId
dash-public-key = Открытый ключ (Ed25519)
dash-listening = Прослушиваемые адреса
dash-version = Версия
dash-hub = Центральный узел WCO
dash-hub-none = Центральный узел не настроен: этот узел обменивается данными только с указанными ниже узлами-партнёрами.
dash-hub-self = Этот узел является центральным узлом WCO.
dash-connected = Подключён
dash-disconnected = Не подключён
dash-peers = Узлы-партнёры и репликация
dash-no-peers = Узлов-партнёров пока нет. Администратор добавляет их в разделе «Узлы-партнёры».
dash-records = Хранимые записи по источнику
dash-no-records = Записей пока нет.
dash-seizures = Изъятия
dash-suspects = Подозреваемые
dash-companies = Компании
dash-own = { $admin } (этот узел)
dash-revisions = Подписанные редакции записей
dash-audit-entries = Записи журнала аудита
dash-agreements-active = Действующие соглашения
dash-agreements-waiting = Предложения, ожидающие вашего ответа

## Узлы-партнёры

peers-title = Узлы-партнёры
peers-intro = Узлы-партнёры — это другие узлы, с которыми взаимодействует данный узел. Узел принимает подключения только от своих узлов-партнёров, от центрального узла и от участников справочника центрального узла, а обменивается записями только на основании действующего соглашения.
peers-administration = Администрация
peers-peer-id = PeerId
peers-addresses = Адреса
peers-source = Источник
peers-source-peers = Добавлен здесь
peers-source-directory = Справочник центрального узла
peers-source-hub = Центральный узел
peers-state = Подключение
peers-last-seen = Последняя активность
peers-never = никогда
peers-lag-in = Ожидают получения
peers-lag-out = Ожидают отправки
peers-lag-unknown = неизвестно
peers-none = Узлов-партнёров пока нет.
peers-add = Добавить узел-партнёр
peers-add-help = Запросите PeerId и адрес узла у администратора узла другой администрации.
peers-address-help = По одному на строку, например /ip4/192.0.2.20/tcp/4001
peers-submit = Добавить
peers-remove = Удалить
peers-remove-confirm = Удалить { $admin } из числа узлов-партнёров этого узла? Уже полученные записи сохранятся; дальнейший обмен прекратится, если только узел не указан в справочнике центрального узла.
peers-added = Узел-партнёр { $admin } добавлен.
peers-removed = Узел-партнёр { $admin } удалён.
peers-pull = Запросить сейчас
peers-pulled = Получено записей от { $admin }: { $count }.
peers-pull-failed = Не удалось связаться с узлом { $admin }: { $message }

## Соглашения

agr-title = Соглашения
agr-intro = Соглашение является правовой основой для обмена записями с одной другой администрацией. Оно подписывается предлагающим узлом, скрепляется встречной подписью другого узла и может быть в любое время отозвано любой из сторон.
agr-incoming = Предложения, ожидающие вашего ответа
agr-outgoing = Ваши предложения, ожидающие ответа
agr-current = Действующие соглашения
agr-past = Прекращённые, отклонённые и ещё не вступившие в силу
agr-none = Нет.
agr-peer = С кем
agr-legal-basis = Правовая основа
agr-scope = Предмет обмена
agr-validity = Срок действия
agr-valid-from = С
agr-valid-until = По (необязательно)
agr-open-ended = бессрочно
agr-state = Статус
agr-state-proposed = Предложено
agr-state-active = Действует
agr-state-pending = Ещё не вступило в силу
agr-state-expired = Истёк срок действия
agr-state-rejected = Отклонено
agr-state-revoked = Отозвано
agr-delivered = Эта версия имеется у другого узла.
agr-undelivered = Ещё не доставлено другому узлу; будет отправлено при его подключении.
agr-propose = Предложить соглашение
agr-propose-help = Предложение подписывается этим узлом и направляется другому узлу, администратор которого принимает или отклоняет его. До принятия предложения обмен не ведётся.
agr-kinds = Записи
agr-kind-seizures = Изъятия
agr-kind-suspects = Подозреваемые
agr-kind-companies = Компании
agr-direction = Направление
agr-direction-both = В обоих направлениях
agr-direction-out = Только от { $me } к другой администрации
agr-direction-in = Только от другой администрации к { $me }
agr-commodities = Товары (только для изъятий)
agr-commodities-help = Оставьте пустым, чтобы включить все товары. Категория включает все входящие в неё виды.
agr-commodities-all = все товары
agr-flow-commodities = { $kinds } (только изъятия товаров: { $commodities })
agr-nothing-flows = Обмен не ведётся.
agr-submit = Подписать и предложить
agr-proposed = Предложение направлено администрации { $admin }.
agr-accept = Принять и подписать
agr-reject = Отклонить
agr-revoke = Отозвать…
agr-reason = Причина (необязательно)
agr-accepted = Соглашение с { $admin } принято: записи передаются, как указано.
agr-rejected = Предложение от { $admin } отклонено.
agr-revoked = Соглашение с { $admin } отозвано: передача записей по нему прекращена.
agr-revoke-title = Отозвать это соглашение?
agr-revoke-warning = С момента подтверждения никакие записи не передаются между { $a } и { $b } по этому соглашению ни в одном направлении. Другой узел будет уведомлён немедленно. Это действие необратимо: для нового соглашения потребуются новое предложение и его принятие.
agr-revoke-confirm = Да, отозвать
agr-cancel = Отмена
agr-signatures = Подписи
agr-signed-by = Подписано: { $admin }
agr-fingerprint = SHA-256 подписи
agr-proposed-at = Предложено
agr-accepted-at = Принято
agr-rejected-at = Отклонено
agr-revoked-at = Отозвано: { $admin }
agr-details = Подробности
agr-id = Идентификатор
agr-no-peers = Сначала добавьте узел-партнёр: соглашение заключается с известной администрацией.

## Пользователи

users-title = Пользователи
users-intro = Учётные записи блокируются после { $count } неудачных попыток ввода пароля и переводятся в неактивное состояние, если не используются в течение { $days } дн.; срок действия пароля — { $age } дн.
users-username = Имя пользователя
users-display-name = Полное имя
users-role = Роль
users-state = Статус
users-last-login = Последний вход
users-password-expires = Срок действия пароля
users-actions = Действия
users-state-active = Активна
users-state-blocked = Заблокирована
users-state-inactive = Неактивна
users-state-deactivated = Деактивирована
users-must-change = требуется смена пароля
users-expiring = скоро истекает
users-totp = двухфакторная
users-create = Создать учётную запись
users-password = Начальный пароль
users-password-help = Пользователь должен сменить его при первом входе. Не менее { $min } симв.
users-submit = Создать
users-created = Учётная запись { $user } создана.
users-unblock = Разблокировать
users-unblocked = Учётная запись { $user } разблокирована.
users-reset = Сбросить пароль
users-reset-done = Новый временный пароль для { $user }: { $password } — передайте его лично; он показывается только один раз.
users-deactivate = Деактивировать
users-deactivated = Учётная запись { $user } деактивирована; её сеансы завершены.
users-reactivate = Активировать повторно
users-reactivated = Учётная запись { $user } снова активна.
users-set-role = Изменить роль
users-role-changed = Новая роль пользователя { $user }: { $role }.
users-none = Учётных записей нет.

## Журнал аудита

audit-title = Журнал аудита
audit-intro = Здесь регистрируются каждый вход в систему, каждое изменение учётной записи, каждая запись и каждое чтение записей, а также каждый обмен с другим узлом; каждая запись журнала связана с предыдущей посредством её хеша.
audit-seq = №
audit-time = Время
audit-actor = Кто
audit-action = Действие
audit-outcome = Результат
audit-target = Объект
audit-detail = Подробности
audit-filter = Фильтр
audit-filter-actor = Кто
audit-filter-action = Действие начинается с
audit-filter-outcome = Результат
audit-filter-any = любой
audit-filter-from = С
audit-filter-to = По
audit-apply = Применить
audit-older = Более ранние записи
audit-newer = Последние записи
audit-none = Нет подходящих записей.
audit-verify = Проверить цепочку
audit-valid = Цепочка не нарушена: записей — { $count }, последний хеш — { $hash }.
audit-invalid = Цепочка нарушена: { $problem }
audit-outcome-ok = успешно
audit-outcome-denied = отказано
audit-outcome-failed = ошибка

## Моя учётная запись

account-title = Моя учётная запись
account-profile = Профиль
account-language = Язык
account-language-help = Язык страниц, наименований из справочников кодов, формат дат и чисел.
account-language-saved = Язык сохранён.
account-password = Смена пароля
account-current-password = Текущий пароль
account-new-password = Новый пароль
account-repeat-password = Повторите новый пароль
account-password-help = Не менее { $min } симв. Срок действия — { $days } дн.
account-password-submit = Сменить пароль
account-password-changed = Пароль изменён.
account-totp = Двухфакторная аутентификация
account-totp-off = Не включена. Если её включить, при входе также потребуется одноразовый код из приложения-аутентификатора.
account-totp-on = Включена: при входе запрашивается одноразовый код.
account-totp-start = Настроить двухфакторную аутентификацию
account-totp-scan = Отсканируйте этот код приложением-аутентификатором или введите ключ вручную, затем введите шесть цифр, которые оно покажет.
account-totp-key = Ключ
account-totp-code = Код из приложения
account-totp-enable = Включить
account-totp-enabled = Двухфакторная аутентификация включена.
account-totp-disable = Отключить двухфакторную аутентификацию
account-totp-disabled = Двухфакторная аутентификация отключена.

## Поиск (сотрудники и аналитики)

nav-search = Поиск
search-title = Поиск
search-box = Текст для поиска
search-placeholder = Имена, описания, места, номера… на любом языке
search-kind = Тип записей
search-kind-all = Все записи
search-submit = Найти
search-facets = Уточнить
search-remove-filter = Снять этот фильтр
search-total = Записей: { $count }
search-none = Ничего не найдено. Снимите фильтр или попробуйте другие слова.
search-help = Введите слова из описания, имени, названия места или номера либо выберите тип записей. Диакритические знаки и регистр букв не учитываются.
search-statistics = Статистика по этим результатам
search-previous = Назад
search-next = Далее
search-col-kind = Тип
search-col-date = Дата
search-col-record = Запись
search-col-origin = Источник
search-too-long = Не более 500 симв.
search-bad-query = Не удалось разобрать этот запрос: { $message }
facet-kind = Тип записей
facet-commodity = Товар
facet-country = Страна
facet-route_country = Страна маршрута
facet-origin = Источник
facet-conveyance = Транспортное средство
facet-concealment = Способ сокрытия
facet-detection_method = Способ обнаружения
facet-year = Год

## Одна запись

record-revision = редакция { $revision }
record-foreign = Получено от { $admin } по соглашению: здесь доступно только для чтения. Исправить или удалить эту запись может только { $admin }.
record-deleted = Эта запись удалена администрацией-источником.
record-general = Общие сведения
record-goods = Товары
record-route = Маршрут
record-offenders = Правонарушители
record-photos = Фотографии
record-identity = Личные данные
record-documents = Документы, удостоверяющие личность
record-addresses = Адреса
field-national-reference = Национальный номер
field-date = Дата
field-place = Место
field-location-type = Тип места
field-country = Страна
field-direction = Направление
field-detection-method = Способ обнаружения
field-conveyance = Транспортное средство
field-conveyance-id = Идентификатор транспортного средства
field-concealment = Способ сокрытия
field-departure = Отправление
field-transit = Транзит
field-destination = Назначение
field-commodity = Товар
field-description = Описание
field-quantity = Количество
field-unit = Единица измерения
field-value = Стоимость
field-summary = Краткое описание
field-remarks = Примечания
field-family-name = Фамилия
field-given-names = Имя
field-aliases = Псевдонимы
field-date-of-birth = Дата рождения
field-place-of-birth = Место рождения
field-nationality = Гражданство
field-sex = Пол
field-age = Возраст
field-document-kind = Документ
field-document-number = Номер
field-issuing-country = Кем выдан
field-expiry = Действителен до
field-name = Наименование
field-registration = Регистрационные номера
field-role = Роль
field-city = Город
field-street = Улица
field-photo-kind = Тип
field-photo-caption = Подпись

## Статистика и экспорт результатов поиска

stats-title = Статистика
stats-intro = Количество записей, соответствующих приведённому ниже запросу, в разбивке по каждой из их характеристик.
stats-back = Вернуться к результатам
stats-by-year = Изъятия по годам
stats-by-commodity = Изъятия по товарам
stats-by-route = Основные страны маршрута
stats-by-detection = Способы обнаружения
stats-by-conveyance = Транспортные средства
stats-by-concealment = Способы сокрытия
stats-by-origin = По администрации-источнику
stats-by-country = По стране изъятия
stats-quantities = Количество по видам товаров
stats-quantities-month = Количество по месяцам
stats-records = Записи
stats-share = Доля
stats-none = Нет записей, соответствующих этому запросу.
stats-chart-missing = Не удалось построить диаграмму; данные приведены в таблице.
export-xlsx = Экспорт в Excel (XLSX)
export-csv = Экспорт в CSV
export-capped = Экспорт содержит только первые результаты: { $count }.

## Ввод записей (сотрудники)

nav-new-seizure = Новое изъятие
form-new-seizure = Новое изъятие
form-edit-seizure = Исправление изъятия
form-choose = Выберите…
form-has-errors = Некоторые поля требуют внимания; каждое из них отмечено ниже.
form-multi-help = Удерживайте Ctrl (или ⌘), чтобы выбрать несколько стран в порядке следования по маршруту.
field-postal-code = Почтовый индекс
field-scheme = Система (напр. EORI, НДС)
form-new-suspect = Новый подозреваемый
form-new-company = Новая компания
form-edit-suspect = Исправить данные подозреваемого
form-edit-company = Исправить данные компании
form-link-help = Введите национальный номер подозреваемого или компании, имеющихся на этом узле (BE/BE-2026-000042 для записей другой администрации); список предлагает последние.
form-suspect = Подозреваемый
form-companies = Причастные компании
form-unknown-record = На этом узле нет такой записи.
form-add-line = Добавить товарную позицию
form-summary-help = Неперсональные данные: передаются в глобальную базу данных CEN WCO.
form-remarks-help = Персональные данные: хранятся в этой администрации и передаются только туда, куда это разрешено соглашением.
form-save = Подписать и сохранить
form-save-revision = Подписать и сохранить новую редакцию
form-saved = Изъятие { $reference } сохранено и подписано.
form-stale = Тем временем кто-то сохранил более новую редакцию этого изъятия. Перезагрузите его и внесите исправления заново.
form-duplicate = Этот национальный номер уже используется для другого изъятия.
form-not-a-number = Введите число, например 12,5
field-currency = Валюта
record-edit = Исправить

## Массовая загрузка (сотрудники)

nav-import = Загрузка
import-title = Загрузка записей
import-intro = Изъятия, подозреваемые и компании из национальной системы в стандартном шаблоне: каждая строка сверяется со справочниками кодов, строки без ошибок подписываются и сохраняются, а строки с ошибками перечисляются с указанием номера строки и причины. Повторная загрузка того же файла ничего не добавляет.
import-template = Стандартный шаблон
import-template-help = Одна книга с отдельным листом для каждого типа записей, строкой-образцом на каждом листе и раскрывающимися списками кодов.
import-template-download = Скачать шаблон (XLSX)
import-upload = Загрузка файла
import-file = Файл
import-file-help = Книга (XLSX), один лист в формате CSV или файлы CSV в ZIP-архиве; не более { $max } МиБ.
import-sheet = Лист для файла CSV
import-sheet-help = Только для отдельного файла CSV: какой лист шаблона он содержит.
import-dry-run = Пробная загрузка
import-dry-run-help = Только проверка: ничего не сохраняется, сообщается о каждой ошибке.
import-submit = Загрузить
import-no-file = Выберите файл для загрузки.
import-busy = На этом узле выполняется слишком много загрузок; повторите попытку через минуту.
import-report = Отчёт о загрузке
import-report-dry = Отчёт о пробной загрузке
import-reading = Чтение файла. Прочитано строк: { $rows }.
import-storing = Проверка и сохранение строк: { $done } из { $total }.
import-read = Прочитано
import-valid = Без ошибок
import-invalid = С ошибками
import-created = Сохранено сейчас
import-existing = Сохранено ранее
import-dry-done = Ничего не сохранено. Загрузите файл повторно без отметки «Пробная загрузка», чтобы сохранить строки без ошибок.
import-invalid-rows = Отклонено строк: { $count }
import-col-sheet = Лист
import-col-row = Строка
import-col-column = Столбец
import-col-reason = Причина
import-more-invalid = Здесь показаны только первые 500 отклонённых строк; отчёт API содержит до 10 000.

## Расследования (сотрудники и руководители)

nav-investigations = Расследования
inv-title = Расследования
inv-none = Расследований пока нет.
inv-case = Дело
inv-status = Статус
inv-assignees = Назначенные сотрудники
inv-updated = Последнее изменение
inv-yours = назначено вам
inv-open = Открыть расследование
inv-case-title = Название
inv-summary = Краткое описание
inv-open-submit = Открыть
inv-opened = Открыто: { $user }, { $date }
inv-nobody = Пока никто.
inv-assign = Назначить сотрудников
inv-assign-submit = Назначить
inv-links = Связанные записи
inv-no-links = Связанных записей пока нет.
inv-link-kind = Тип записи
inv-link-reference = Национальный номер или идентификатор
inv-link-help = Национальный номер этой администрации (NL-2026-000123) или другой администрации в виде BE/BE-2026-000042 либо идентификатор записи.
inv-link-submit = Связать
inv-link-unknown = На этом узле нет такой записи.
inv-thread = Лента событий
inv-note = Заметка
inv-attachment = Вложение (необязательно)
inv-note-submit = Добавить в ленту
inv-status-open = Открыто
inv-status-assigned = Назначено
inv-status-in_progress = В работе
inv-status-suspended = Приостановлено
inv-status-closed = Закрыто
inv-move-in_progress = Начать работу
inv-move-suspended = Приостановить
inv-move-closed = Закрыть
inv-move-open = Открыть заново
inv-move-assigned = Вернуть в статус «Назначено»
inv-entry-opened = открытие дела
inv-entry-note = заметка
inv-entry-assigned = назначение
inv-entry-status = изменение статуса
inv-entry-linked = привязка записи

## Поиск по мере ввода в полях подозреваемого и компании формы изъятия
suggest-help = Или введите часть имени: подходящие подозреваемые и компании предлагаются по мере ввода.
suggest-signed-out = Ваш сеанс завершён: войдите снова, чтобы получать подсказки.
suggest-password-change = Сначала смените пароль на странице «Моя учётная запись».
suggest-unknown-collection = Подсказки предлагаются только для подозреваемых и компаний.
suggest-too-long = Введите не более { $max } символов.
suggest-bad-query = Этот запрос подсказок не удаётся прочитать.
suggest-unavailable = Подсказки сейчас недоступны; введите национальный номер.

## Photos of records
photo-file = Файл изображения
photo-file-help = JPEG или PNG, не более { $max } МиБ. Тип определяется по содержимому файла, а не по его имени.
photo-kind-help = Фотографии лиц и документов — персональные данные: они покидают этот узел только по соглашению, охватывающему запись. Фотографии товаров, тайников и рентгеновские снимки поступают также в хаб ВТамО.
photo-add = Добавить фотографию
photo-remove = Удалить
photo-remove-confirm = Удалить эту фотографию из записи? Будет подписана новая редакция.
photo-not-held = Ещё не получена
photo-added = Фотография добавлена: подписана новая редакция записи.
photo-removed = Фотография удалена: подписана новая редакция записи.
photo-error-empty = Выберите файл.
photo-error-too-large = Файл слишком большой.
photo-error-type = Файл не является изображением JPEG или PNG, что бы ни говорило его имя.
photo-error-pixels = В изображении слишком много пикселей.
photo-error-damaged = Изображение повреждено или неполно.
photo-error-duplicate = Эта фотография уже есть в записи.
photo-error-stale = Тем временем кто-то сохранил более новую редакцию этой записи. Попробуйте ещё раз.
facet-photo_kind = Тип фотографии
search-view = Показать результаты как
search-view-list = Список
search-view-photos = Фотографии
search-photos-none = Ни у одной записи на этой странице нет фотографии этого типа. Уточните поиск по типу фотографии.
