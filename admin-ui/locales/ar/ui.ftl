## واجهة الويب الخاصة بالعقدة. المتغيرات: $admin رمز الإدارة (NL، WCO)، و$user اسم المستخدم.

app-name = nCEN
app-title = nCEN · { $admin }
role-hub = العقدة المركزية لـ WCO
role-national = عقدة وطنية
footer = nCEN · شبكة الإنفاذ الجمركي

## التنقل

nav-dashboard = لوحة المعلومات
nav-peers = العقد النظيرة
nav-agreements = الاتفاقات
nav-users = المستخدمون
nav-audit = سجل التدقيق
nav-account = حسابي
nav-logout = تسجيل الخروج
nav-language = اللغة
nav-skip = الانتقال إلى المحتوى
list-separator = {"، "}
action-change = تغيير

## الأدوار

role-administrator = مسؤول النظام
role-national_contact_point = نقطة الاتصال الوطنية
role-officer = موظف جمركي
role-analyst = محلل
role-auditor = مدقق
role-supervisor = مشرف

## تسجيل الدخول

login-title = تسجيل الدخول
login-intro = سجّل الدخول إلى عقدة { $admin } باستخدام الحساب الذي منحتك إياه نقطة الاتصال الوطنية.
login-username = اسم المستخدم
login-password = كلمة المرور
login-totp = رمز لمرة واحدة
login-totp-hint = الأرقام الستة التي يعرضها تطبيق المصادقة لهذا الحساب.
login-submit = دخول
login-failed = اسم المستخدم أو كلمة المرور غير صحيحة.
login-blocked = حُظر هذا الحساب بعد { $count } من المحاولات الخاطئة لإدخال كلمة المرور. اطلب من نقطة الاتصال الوطنية رفع الحظر عنه.
login-inactive = أصبح هذا الحساب غير نشط لعدم استخدامه مدة { $days } يومًا. اطلب من نقطة الاتصال الوطنية إعادة تنشيطه.
login-deactivated = هذا الحساب معطَّل. يُرجى الرجوع إلى نقطة الاتصال الوطنية.
login-totp-required = أدخل الرمز لمرة واحدة من تطبيق المصادقة.
login-totp-wrong = الرمز لمرة واحدة غير صحيح أو انتهت صلاحيته.
login-logged-out = تم تسجيل خروجك.
login-expired = انتهت جلستك. يُرجى تسجيل الدخول مجددًا.

## إشعارات تظهر في كل صفحة

notice-password-expires = تنتهي صلاحية كلمة المرور الخاصة بك في { $date }. غيّرها من صفحة «حسابي» قبل ذلك التاريخ.
notice-password-change-required = يجب عليك اختيار كلمة مرور جديدة قبل المتابعة.
notice-saved = تم الحفظ.

## الأخطاء

error-title = حدث خطأ ما
error-forbidden-title = غير مسموح
error-forbidden = لا يجيز دورك ({ $role }) فتح هذه الصفحة أو تنفيذ هذا الإجراء.
error-not-found-title = غير موجود
error-not-found = لا توجد صفحة بهذا العنوان.
error-csrf = انتهت صلاحية هذا النموذج أو أنه لم يصدر عن هذا الموقع. أعد تحميل الصفحة وحاول مرة أخرى.
error-internal = تعذّر على العقدة إتمام هذه العملية. تجد التفاصيل في سجلها.
error-network-off = تعمل هذه العقدة دون اتصال بالشبكة: العقد النظيرة والاتفاقات غير متاحة.
error-back = العودة إلى لوحة المعلومات

## التحقق من صحة النموذج، بجوار الحقل

field-required = حقل إلزامي.
field-too-long = الحد الأقصى { $max } من الأحرف.
field-bad-administration = استخدم رمز البلد المكوَّن من حرفين وفق ISO، مثل BE.
field-bad-peer-id = ليس معرّف PeerId: يبدأ بـ 12D3KooW ويقدّمه مسؤول نظام العقدة الأخرى.
field-bad-address = ليس عنوان libp2p، مثل /ip4/192.0.2.20/tcp/4001.
field-bad-date = استخدم تاريخًا بصيغة 2026-12-31.
field-date-order = يجب أن يكون بعد تاريخ البدء.
field-choose-kind = اختر نوعًا واحدًا على الأقل من السجلات.
field-bad-username = من 3 إلى 64 من الأحرف اللاتينية الصغيرة أو الأرقام أو النقاط أو الشَّرطات أو الشَّرطات السفلية.
field-username-taken = اسم المستخدم هذا محجوز بالفعل.
field-password-length = الحد الأدنى { $min } من الأحرف.
field-password-mismatch = كلمتا المرور غير متطابقتين.
field-password-same = يجب أن تختلف عن كلمة المرور الحالية.
field-password-wrong = هذه ليست كلمة المرور الحالية الخاصة بك.
field-bad-totp = ستة أرقام من تطبيق المصادقة.
field-not-allowed = لا يحق لك منح هذا الدور.
field-server = { $message }

## لوحة المعلومات

dash-title = لوحة المعلومات
dash-identity = هذه العقدة
dash-administration = الإدارة
dash-node-role = الدور
dash-peer-id = PeerId
dash-public-key = المفتاح العام (Ed25519)
dash-listening = عناوين الاستماع
dash-version = الإصدار
dash-hub = العقدة المركزية لـ WCO
dash-hub-none = لم تُهيَّأ عقدة مركزية: تتبادل هذه العقدة البيانات مع العقد النظيرة المذكورة أدناه فقط.
dash-hub-self = هذه العقدة هي العقدة المركزية لـ WCO.
dash-connected = متصلة
dash-disconnected = غير متصلة
dash-peers = العقد النظيرة والنسخ المتماثل
dash-no-peers = لا توجد عقد نظيرة بعد. يضيفها مسؤول النظام من صفحة «العقد النظيرة».
dash-records = السجلات المحفوظة حسب المصدر
dash-no-records = لا توجد سجلات بعد.
dash-seizures = الضبطيات
dash-suspects = المشتبه بهم
dash-companies = الشركات
dash-own = { $admin } (هذه العقدة)
dash-revisions = مراجعات السجلات الموقَّعة
dash-audit-entries = قيود سجل التدقيق
dash-agreements-active = الاتفاقات السارية
dash-agreements-waiting = مقترحات بانتظار ردك

## العقد النظيرة

peers-title = العقد النظيرة
peers-intro = العقد النظيرة هي العقد الأخرى التي تتواصل معها هذه العقدة. لا تقبل العقدة الاتصال إلا من عقدها النظيرة ومن العقدة المركزية ومن الأعضاء المدرجين في دليل العقدة المركزية، ولا تتبادل السجلات إلا بموجب اتفاق سارٍ.
peers-administration = الإدارة
peers-peer-id = PeerId
peers-addresses = العناوين
peers-source = المصدر
peers-source-peers = أُضيفت هنا
peers-source-directory = دليل العقدة المركزية
peers-source-hub = العقدة المركزية
peers-state = الاتصال
peers-last-seen = آخر ظهور
peers-never = لم تظهر قط
peers-lag-in = بانتظار الوصول
peers-lag-out = بانتظار الإرسال
peers-lag-unknown = غير معروف
peers-none = لا توجد عقد نظيرة بعد.
peers-add = إضافة عقدة نظيرة
peers-add-help = اطلب من مسؤول نظام العقدة لدى الإدارة الأخرى معرّف PeerId الخاص بها وعنوانها.
peers-address-help = عنوان واحد في كل سطر، مثل /ip4/192.0.2.20/tcp/4001
peers-submit = إضافة
peers-remove = إزالة
peers-remove-confirm = هل تريد إزالة { $admin } من العقد النظيرة لهذه العقدة؟ تبقى السجلات المستلمة سابقًا محفوظة، ولن يجري أي تبادل آخر ما لم تكن مدرجة في دليل العقدة المركزية.
peers-added = أُضيفت العقدة النظيرة { $admin }.
peers-removed = أُزيلت العقدة النظيرة { $admin }.
peers-pull = السحب الآن
peers-pulled = استُلم { $count } من القيود من { $admin }.
peers-pull-failed = تعذّر الوصول إلى { $admin }: { $message }

## الاتفاقات

agr-title = الاتفاقات
agr-intro = الاتفاق هو الأساس القانوني لتبادل السجلات مع إدارة أخرى واحدة. توقّعه العقدة المقترِحة، وتوقّعه العقدة الأخرى توقيعًا مقابلًا، ويجوز لأيٍّ منهما إلغاؤه في أي وقت.
agr-incoming = مقترحات بانتظار ردك
agr-outgoing = مقترحاتك بانتظار الرد
agr-current = الاتفاقات السارية
agr-past = المنتهية والمرفوضة وغير السارية بعد
agr-none = لا يوجد.
agr-peer = مع
agr-legal-basis = الأساس القانوني
agr-scope = نطاق التبادل
agr-validity = مدة السريان
agr-valid-from = من
agr-valid-until = حتى (اختياري)
agr-open-ended = غير محدد المدة
agr-state = الحالة
agr-state-proposed = مقترَح
agr-state-active = سارٍ
agr-state-pending = لم يسرِ بعد
agr-state-expired = منتهي الصلاحية
agr-state-rejected = مرفوض
agr-state-revoked = ملغى
agr-delivered = لدى العقدة الأخرى هذا الإصدار.
agr-undelivered = لم يُسلَّم بعد إلى العقدة الأخرى؛ سيُرسَل عند اتصالها.
agr-propose = اقتراح اتفاق
agr-propose-help = توقّع هذه العقدة على المقترح ويُرسَل إلى العقدة الأخرى، ويقبله مسؤول نظامها أو يرفضه. لا يجري أي تبادل قبل قبوله.
agr-kinds = السجلات
agr-kind-seizures = الضبطيات
agr-kind-suspects = المشتبه بهم
agr-kind-companies = الشركات
agr-direction = الاتجاه
agr-direction-both = في الاتجاهين
agr-direction-out = من { $me } إلى الإدارة الأخرى فقط
agr-direction-in = من الإدارة الأخرى إلى { $me } فقط
agr-commodities = السلع (للضبطيات فقط)
agr-commodities-help = اتركه فارغًا ليشمل جميع السلع. تشمل الفئة جميع أنواعها.
agr-commodities-all = جميع السلع
agr-flow-commodities = { $kinds } (ضبطيات { $commodities } فقط)
agr-nothing-flows = لا يجري أي تبادل.
agr-submit = التوقيع والاقتراح
agr-proposed = أُرسل المقترح إلى { $admin }.
agr-accept = القبول والتوقيع المقابل
agr-reject = رفض
agr-revoke = إلغاء…
agr-reason = السبب (اختياري)
agr-accepted = قُبل الاتفاق مع { $admin }: يجري تبادل السجلات الآن على النحو المبيَّن.
agr-rejected = رُفض المقترح الوارد من { $admin }.
agr-revoked = أُلغي الاتفاق مع { $admin }: لن يجري أي تبادل آخر بموجبه.
agr-revoke-title = هل تريد إلغاء هذا الاتفاق؟
agr-revoke-warning = اعتبارًا من لحظة تأكيدك، لن يُنقل أي سجل بين { $a } و{ $b } بموجب هذا الاتفاق في أي من الاتجاهين. ستُبلَّغ العقدة الأخرى فورًا. لا يمكن التراجع عن ذلك: يتطلب أي اتفاق جديد مقترحًا جديدًا وقبولًا جديدًا.
agr-revoke-confirm = نعم، ألغِه
agr-cancel = تراجع
agr-signatures = التوقيعات
agr-signed-by = موقَّع من { $admin }
agr-fingerprint = قيمة SHA-256 للتوقيع
agr-proposed-at = تاريخ الاقتراح
agr-accepted-at = تاريخ القبول
agr-rejected-at = تاريخ الرفض
agr-revoked-at = ألغته إدارة { $admin }
agr-details = التفاصيل
agr-id = المعرّف
agr-no-peers = أضف عقدة نظيرة أولًا: يُبرم الاتفاق مع إدارة معروفة.

## المستخدمون

users-title = المستخدمون
users-intro = تُحظر الحسابات بعد { $count } من المحاولات الخاطئة لإدخال كلمة المرور، وتصبح غير نشطة بعد { $days } يومًا من عدم الاستخدام، وتنتهي صلاحية كلمات مرورها بعد { $age } يومًا.
users-username = اسم المستخدم
users-display-name = الاسم الكامل
users-role = الدور
users-state = الحالة
users-last-login = آخر تسجيل دخول
users-password-expires = انتهاء صلاحية كلمة المرور
users-actions = الإجراءات
users-state-active = نشط
users-state-blocked = محظور
users-state-inactive = غير نشط
users-state-deactivated = معطَّل
users-must-change = يجب تغيير كلمة المرور
users-expiring = تنتهي قريبًا
users-totp = مصادقة ثنائية
users-create = إنشاء حساب
users-password = كلمة المرور الأولية
users-password-help = يجب على المستخدم تغييرها عند أول تسجيل دخول. الحد الأدنى { $min } من الأحرف.
users-submit = إنشاء الحساب
users-created = أُنشئ الحساب { $user }.
users-unblock = رفع الحظر
users-unblocked = رُفع الحظر عن الحساب { $user }.
users-reset = إعادة تعيين كلمة المرور
users-reset-done = كلمة المرور المؤقتة الجديدة للمستخدم { $user }: { $password } — سلّمها إليه شخصيًا؛ فهي لا تُعرض إلا مرة واحدة.
users-deactivate = تعطيل
users-deactivated = عُطّل الحساب { $user } وأُنهيت جلساته.
users-reactivate = إعادة التنشيط
users-reactivated = أُعيد تنشيط الحساب { $user }.
users-set-role = تغيير الدور
users-role-changed = أصبح دور { $user } الآن: { $role }.
users-none = لا توجد حسابات.

## سجل التدقيق

audit-title = سجل التدقيق
audit-intro = يُدوَّن هنا كل تسجيل دخول، وكل تغيير في الحسابات، وكل كتابة للسجلات وقراءة لها، وكل تبادل مع عقدة أخرى، ويرتبط كل قيد بالقيد السابق له عبر قيمة التجزئة الخاصة به.
audit-seq = الرقم
audit-time = الوقت
audit-actor = المنفِّذ
audit-action = الإجراء
audit-outcome = النتيجة
audit-target = الهدف
audit-detail = التفاصيل
audit-filter = تصفية
audit-filter-actor = المنفِّذ
audit-filter-action = الإجراء يبدأ بـ
audit-filter-outcome = النتيجة
audit-filter-any = الكل
audit-filter-from = من
audit-filter-to = إلى
audit-apply = تطبيق
audit-older = القيود الأقدم
audit-newer = أحدث القيود
audit-none = لا توجد قيود مطابقة.
audit-verify = التحقق من السلسلة
audit-valid = السلسلة سليمة: عدد القيود { $count }، وقيمة التجزئة الأخيرة { $hash }.
audit-invalid = السلسلة منقطعة: { $problem }
audit-outcome-ok = ناجح
audit-outcome-denied = مرفوض
audit-outcome-failed = فاشل

## حسابي

account-title = حسابي
account-profile = الملف الشخصي
account-language = اللغة
account-language-help = لغة الصفحات وتسميات قوائم الرموز، وطريقة عرض التواريخ والأرقام.
account-language-saved = حُفظت اللغة.
account-password = تغيير كلمة المرور
account-current-password = كلمة المرور الحالية
account-new-password = كلمة المرور الجديدة
account-repeat-password = تأكيد كلمة المرور الجديدة
account-password-help = الحد الأدنى { $min } من الأحرف. تنتهي صلاحيتها بعد { $days } يومًا.
account-password-submit = تغيير كلمة المرور
account-password-changed = تم تغيير كلمة المرور.
account-totp = المصادقة الثنائية
account-totp-off = غير مفعّلة. عند تفعيلها، يُطلب عند تسجيل الدخول أيضًا رمز لمرة واحدة من تطبيق المصادقة.
account-totp-on = مفعّلة: يُطلب رمز لمرة واحدة عند تسجيل الدخول.
account-totp-start = إعداد المصادقة الثنائية
account-totp-scan = امسح هذا الرمز بتطبيق المصادقة، أو أدخل المفتاح يدويًا، ثم اكتب الأرقام الستة التي يعرضها.
account-totp-key = المفتاح
account-totp-code = الرمز من التطبيق
account-totp-enable = تفعيل
account-totp-enabled = فُعّلت المصادقة الثنائية.
account-totp-disable = إلغاء تفعيل المصادقة الثنائية
account-totp-disabled = أُلغي تفعيل المصادقة الثنائية.

## البحث (الموظفون الجمركيون والمحللون)

nav-search = البحث
search-title = البحث
search-box = نص البحث
search-placeholder = أسماء، أوصاف، أماكن، أرقام مرجعية… بأي لغة
search-kind = نوع السجل
search-kind-all = جميع السجلات
search-submit = بحث
search-facets = تضييق النتائج
search-remove-filter = إزالة عامل التصفية هذا
search-total = عدد السجلات: { $count }
search-none = لا توجد نتائج مطابقة. أزل أحد عوامل التصفية أو جرّب كلمات أخرى.
search-help = اكتب كلمات من وصف أو اسم أو مكان أو رقم مرجعي، أو اختر نوعًا من السجلات. لا يُفرَّق بين الحروف بحسب علامات التشكيل أو حالة الأحرف.
search-statistics = إحصاءات هذه النتائج
search-previous = السابق
search-next = التالي
search-col-kind = النوع
search-col-date = التاريخ
search-col-record = السجل
search-col-origin = المصدر
search-too-long = الحد الأقصى 500 حرف.
search-bad-query = تعذّرت قراءة هذا البحث: { $message }
facet-kind = نوع السجل
facet-commodity = السلعة
facet-country = البلد
facet-route_country = بلد على خط السير
facet-origin = المصدر
facet-conveyance = وسيلة النقل
facet-concealment = طريقة الإخفاء
facet-detection_method = طريقة الكشف
facet-year = السنة

## سجل واحد

record-revision = المراجعة { $revision }
record-foreign = ورد من { $admin } بموجب اتفاق، وهو هنا للقراءة فقط. لا يملك تصحيحه أو حذفه إلا { $admin }.
record-deleted = حذفت الإدارة المصدر هذا السجل.
record-general = معلومات عامة
record-goods = البضائع
record-route = خط السير
record-offenders = المخالفون
record-photos = الصور
record-identity = الهوية
record-documents = وثائق الهوية
record-addresses = العناوين
field-national-reference = المرجع الوطني
field-date = التاريخ
field-place = المكان
field-location-type = نوع الموقع
field-country = البلد
field-direction = الاتجاه
field-detection-method = طريقة الكشف
field-conveyance = وسيلة النقل
field-conveyance-id = معرّف وسيلة النقل
field-concealment = طريقة الإخفاء
field-departure = المغادرة
field-transit = العبور
field-destination = الوجهة
field-commodity = السلعة
field-description = الوصف
field-quantity = الكمية
field-unit = الوحدة
field-value = القيمة
field-summary = الملخص
field-remarks = ملاحظات
field-family-name = اسم العائلة
field-given-names = الاسم الأول
field-aliases = الأسماء المستعارة
field-date-of-birth = تاريخ الميلاد
field-place-of-birth = مكان الميلاد
field-nationality = الجنسية
field-sex = الجنس
field-age = العمر
field-document-kind = الوثيقة
field-document-number = الرقم
field-issuing-country = جهة الإصدار
field-expiry = تاريخ الانتهاء
field-name = الاسم
field-registration = أرقام التسجيل
field-role = الدور
field-city = المدينة
field-street = الشارع
field-photo-kind = النوع
field-photo-caption = التعليق

## إحصاءات البحث وتصديره

stats-title = الإحصاءات
stats-intro = أعداد السجلات المطابقة للبحث أدناه، موزعةً حسب كل خاصية من خصائصها.
stats-back = العودة إلى النتائج
stats-by-year = الضبطيات حسب السنة
stats-by-commodity = الضبطيات حسب السلعة
stats-by-route = أبرز بلدان خط السير
stats-by-detection = طرق الكشف
stats-by-conveyance = وسائل النقل
stats-by-concealment = طرق الإخفاء
stats-by-origin = حسب الإدارة المصدر
stats-by-country = حسب بلد الضبطية
stats-quantities = الكميات حسب السلعة
stats-quantities-month = الكميات حسب الشهر
stats-records = السجلات
stats-share = النسبة
stats-none = لا يطابق هذا البحث أي سجل.
stats-chart-missing = تعذّر رسم المخطط البياني؛ ويعرض الجدول الأرقام.
export-xlsx = تصدير إلى Excel (XLSX)
export-csv = تصدير إلى CSV
export-capped = يتضمن التصدير أول { $count } نتيجة.

## إدخال السجلات (الموظفون الجمركيون)

nav-new-seizure = ضبطية جديدة
form-new-seizure = ضبطية جديدة
form-edit-seizure = تصحيح ضبطية
form-choose = اختر…
form-has-errors = تحتاج بعض الحقول إلى انتباهك؛ وقد أُشير إلى كل منها أدناه.
form-multi-help = اضغط مع الاستمرار على Ctrl (أو ⌘) لاختيار أكثر من بلد، بترتيب خط السير.
field-postal-code = الرمز البريدي
field-scheme = النظام (مثل EORI أو ضريبة القيمة المضافة)
form-new-suspect = مشتبه به جديد
form-new-company = شركة جديدة
form-edit-suspect = تصحيح بيانات مشتبه به
form-edit-company = تصحيح بيانات شركة
form-link-help = اكتب المرجع الوطني لمشتبه به أو شركة لدى هذه العقدة (BE/BE-2026-000042 لسجلات إدارة أخرى)؛ وتقترح القائمة أحدثها.
form-suspect = المشتبه به
form-companies = الشركات المعنية
form-unknown-record = لا يوجد هذا السجل لدى هذه العقدة.
form-add-line = إضافة بند بضائع
form-summary-help = بيانات غير اسمية: تُرسل إلى قاعدة بيانات CEN العالمية التابعة لـ WCO.
form-remarks-help = بيانات اسمية: تبقى لدى هذه الإدارة ولا تُرسل إلا حيث يسمح بذلك اتفاق.
form-save = التوقيع والحفظ
form-save-revision = التوقيع وحفظ مراجعة جديدة
form-saved = حُفظت الضبطية { $reference } ووُقّعت.
form-stale = حفظ شخص آخر في أثناء ذلك مراجعة أحدث لهذه الضبطية. أعد تحميلها وصحّحها مجددًا.
form-duplicate = هذا المرجع الوطني مستخدم بالفعل في ضبطية أخرى.
form-not-a-number = اكتب رقمًا، مثل 12.5
field-currency = العملة
record-edit = تصحيح

## الاستيراد المجمّع (الموظفون الجمركيون)

nav-import = الاستيراد
import-title = استيراد السجلات
import-intro = الضبطيات والمشتبه بهم والشركات الواردة من نظام وطني، وفق النموذج القياسي: يُتحقَّق من كل صف بمطابقته مع قوائم الرموز، وتُوقَّع الصفوف الصحيحة وتُحفَظ، وتُدرَج الصفوف غير الصحيحة مع رقم الصف وسبب رفضه. ولا يضيف رفع الملف نفسه مرة أخرى أي شيء.
import-template = النموذج القياسي
import-template-help = مصنف واحد فيه ورقة لكل نوع من السجلات، في كل منها صف على سبيل المثال، مع قوائم منسدلة بالرموز.
import-template-download = تنزيل النموذج (XLSX)
import-upload = رفع ملف
import-file = الملف
import-file-help = المصنف (XLSX)، أو ورقة واحدة بصيغة CSV، أو ملفات CSV داخل أرشيف ZIP؛ بحد أقصى { $max } ميبيبايت.
import-sheet = ورقة ملف CSV
import-sheet-help = لملف CSV منفرد فقط: أي ورقة من النموذج يتضمنها.
import-dry-run = تشغيل تجريبي
import-dry-run-help = تحقق فقط: لا يُحفظ أي شيء، ويُبلَّغ عن كل خطأ.
import-submit = رفع
import-no-file = اختر ملفًا لرفعه.
import-busy = تجري على هذه العقدة عمليات رفع كثيرة جدًا؛ حاول مجددًا بعد دقيقة.
import-report = تقرير الاستيراد
import-report-dry = تقرير التشغيل التجريبي
import-reading = جارٍ قراءة الملف. عدد الصفوف المقروءة: { $rows }.
import-storing = جارٍ التحقق من الصفوف وحفظها: { $done } من أصل { $total }.
import-read = المقروءة
import-valid = الصحيحة
import-invalid = غير الصحيحة
import-created = المحفوظة الآن
import-existing = الموجودة مسبقًا
import-dry-done = لم يُحفظ أي شيء. ارفع الملف مرة أخرى دون «تشغيل تجريبي» لحفظ الصفوف الصحيحة.
import-invalid-rows = عدد الصفوف المرفوضة: { $count }
import-col-sheet = الورقة
import-col-row = الصف
import-col-column = العمود
import-col-reason = السبب
import-more-invalid = لا تُعرض هنا إلا أول 500 حالة رفض؛ ويُدرج تقرير واجهة برمجة التطبيقات (API) ما يصل إلى عشرة آلاف حالة.

## التحقيقات (الموظفون الجمركيون والمشرفون)

nav-investigations = التحقيقات
inv-title = التحقيقات
inv-none = لا توجد تحقيقات بعد.
inv-case = القضية
inv-status = الحالة
inv-assignees = الموظفون الجمركيون المكلَّفون
inv-updated = آخر تغيير
inv-yours = مُسنَد إليك
inv-open = فتح تحقيق
inv-case-title = العنوان
inv-summary = الملخص
inv-open-submit = فتح
inv-opened = فتحه { $user } في { $date }
inv-nobody = لا أحد بعد.
inv-assign = تكليف موظفين جمركيين
inv-assign-submit = تكليف
inv-links = السجلات المرتبطة
inv-no-links = لا توجد سجلات مرتبطة بعد.
inv-link-kind = نوع السجل
inv-link-reference = المرجع الوطني أو المعرّف
inv-link-help = مرجع لدى هذه الإدارة (NL-2026-000123)، أو لدى إدارة أخرى بصيغة BE/BE-2026-000042، أو معرّف السجل.
inv-link-submit = ربط
inv-link-unknown = لا يوجد سجل كهذا في هذه العقدة.
inv-thread = مجريات التحقيق
inv-note = ملاحظة
inv-attachment = مرفق (اختياري)
inv-note-submit = إضافة إلى مجريات التحقيق
inv-status-open = مفتوح
inv-status-assigned = مُسنَد
inv-status-in_progress = قيد المعالجة
inv-status-suspended = معلَّق
inv-status-closed = مغلق
inv-move-in_progress = بدء العمل
inv-move-suspended = تعليق
inv-move-closed = إغلاق
inv-move-open = إعادة الفتح
inv-move-assigned = الإعادة إلى «مُسنَد»
inv-entry-opened = فتح القضية
inv-entry-note = ملاحظة
inv-entry-assigned = تكليف
inv-entry-status = تغيير الحالة
inv-entry-linked = ربط سجل

## البحث أثناء الكتابة في حقلي المشتبه به والشركة في نموذج الضبط
suggest-help = أو اكتب جزءًا من الاسم لتظهر لك اقتراحات بالمشتبه بهم والشركات المطابقة أثناء الكتابة.
suggest-signed-out = انتهت جلستك: سجّل الدخول مجددًا للحصول على الاقتراحات.
suggest-password-change = غيّر كلمة المرور أولًا في صفحة حسابي.
suggest-unknown-collection = تُقدَّم الاقتراحات للمشتبه بهم والشركات فقط.
suggest-too-long = اكتب ما لا يزيد على { $max } من الأحرف.
suggest-bad-query = تعذّرت قراءة طلب الاقتراحات هذا.
suggest-unavailable = الاقتراحات غير متاحة حاليًا؛ اكتب المرجع الوطني بدلًا من ذلك.

## Photos of records
photo-file = ملف الصورة
photo-file-help = JPEG أو PNG، بحد أقصى { $max } ميبيبايت. يُقرأ النوع من محتوى الملف نفسه لا من اسمه.
photo-kind-help = صور الأشخاص والوثائق بيانات اسمية: لا تغادر هذه العقدة إلا بموجب اتفاق يشمل السجل. أما صور البضائع والإخفاء والأشعة السينية فتصل أيضًا إلى مركز المنظمة العالمية للجمارك.
photo-add = إضافة الصورة
photo-remove = إزالة
photo-remove-confirm = هل تريد إزالة هذه الصورة من السجل؟ ستُوقَّع مراجعة جديدة.
photo-not-held = لم تصل بعد
photo-added = أُضيفت الصورة: وُقِّعت مراجعة جديدة للسجل.
photo-removed = أُزيلت الصورة: وُقِّعت مراجعة جديدة للسجل.
photo-error-empty = اختر ملفًا.
photo-error-too-large = الملف كبير جدًا.
photo-error-type = الملف ليس صورة JPEG أو PNG أيًّا كان اسمه.
photo-error-pixels = عدد بكسلات الصورة كبير جدًا.
photo-error-damaged = الصورة تالفة أو غير مكتملة.
photo-error-duplicate = هذه الصورة موجودة في السجل بالفعل.
photo-error-stale = حفظ شخص آخر في الأثناء مراجعة أحدث لهذا السجل. حاول مرة أخرى.
facet-photo_kind = نوع الصورة
search-view = عرض النتائج على شكل
search-view-list = قائمة
search-view-photos = صور
search-photos-none = لا يحتوي أي سجل في هذه الصفحة على صورة من هذا النوع. ضيِّق البحث باستخدام فئة نوع الصورة.
