//! Personal names, street names and company words in several scripts: Latin (many countries),
//! Cyrillic (Russian, Ukrainian, Bulgarian, Serbian), Arabic (Arabic and Persian) and Han. A
//! non-Latin name comes with its Latin transliteration, used for aliases and email addresses.

/// The writing system of a pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Arabic,
    Han,
}

/// How a family name changes for a woman.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Feminine {
    Same,
    /// Russian and Bulgarian: -ов → -ова, -ин → -ина, -ский → -ская.
    Slavic,
    /// Polish: -ski → -ska, -cki → -cka.
    Polish,
}

/// Names of one language or region. For non-Latin pools every native entry is paired with its
/// transliteration, `native|latin`.
#[derive(Debug)]
pub(crate) struct Pool {
    pub script: Script,
    pub male: &'static [&'static str],
    pub female: &'static [&'static str],
    pub family: &'static [&'static str],
    /// Father's names for a patronymic (Russian style): `male|female` forms, each `native|latin`.
    pub patronymics: &'static [&'static str],
    pub streets: &'static [&'static str],
    /// `{s}` street, `{n}` number.
    pub street_format: &'static str,
    /// `9` a digit, `N` a digit but zero, `A` a capital letter.
    pub postal_format: &'static str,
    pub feminine: Feminine,
    /// Two family names (Spanish style).
    pub double_family: bool,
}

/// Splits a pool entry into its native and Latin forms.
pub(crate) fn split(entry: &str) -> (&str, &str) {
    match entry.split_once('|') {
        Some((native, latin)) => (native, latin),
        None => (entry, entry),
    }
}

/// The female form of a family name (native and Latin).
pub(crate) fn feminize(pool: &Pool, native: &str, latin: &str) -> (String, String) {
    match pool.feminine {
        Feminine::Same => (native.to_owned(), latin.to_owned()),
        Feminine::Polish => {
            let f = |s: &str| {
                if let Some(stem) = s.strip_suffix("ski") {
                    format!("{stem}ska")
                } else if let Some(stem) = s.strip_suffix("cki") {
                    format!("{stem}cka")
                } else {
                    s.to_owned()
                }
            };
            (f(native), f(latin))
        }
        Feminine::Slavic => {
            let n = if let Some(stem) = native.strip_suffix("ский") {
                format!("{stem}ская")
            } else if native.ends_with("ов") || native.ends_with("ев") || native.ends_with("ин") {
                format!("{native}а")
            } else {
                native.to_owned()
            };
            let l = if let Some(stem) = latin.strip_suffix("sky") {
                format!("{stem}skaya")
            } else if latin.ends_with("ov") || latin.ends_with("ev") || latin.ends_with("in") {
                format!("{latin}a")
            } else {
                latin.to_owned()
            };
            (n, l)
        }
    }
}

/// The name pool for people of nationality `country`.
pub(crate) fn pool_for(country: &str) -> &'static Pool {
    match country {
        "NL" | "SR" | "CW" | "AW" => &DUTCH,
        "DE" | "AT" | "CH" | "LU" => &GERMAN,
        "FR" | "BE" | "MC" | "SN" | "CI" | "CM" | "CD" | "HT" => &FRENCH,
        "ES" | "MX" | "CO" | "EC" | "PE" | "AR" | "VE" | "BO" | "CL" | "PY" | "UY" | "DO" | "PA" | "CR"
        | "GT" | "HN" | "CU" | "NI" => &SPANISH,
        "PT" | "BR" | "AO" | "CV" | "MZ" | "GW" => &PORTUGUESE,
        "IT" | "SM" | "VA" => &ITALIAN,
        "PL" => &POLISH,
        "TR" => &TURKISH,
        "AL" | "XK" => &ALBANIAN,
        "RO" | "MD" => &ROMANIAN,
        "SE" | "NO" | "DK" | "IS" | "FI" | "EE" => &NORDIC,
        "NG" | "GH" => &WEST_AFRICAN,
        "RU" | "BY" | "KZ" => &RUSSIAN,
        "UA" => &UKRAINIAN,
        "BG" => &BULGARIAN,
        "RS" | "ME" | "BA" | "MK" => &SERBIAN,
        "MA" | "DZ" | "TN" | "LY" | "EG" | "SA" | "AE" | "SY" | "LB" | "IQ" | "JO" | "KW" | "QA" | "OM"
        | "YE" | "SD" | "PS" => &ARABIC,
        "IR" | "AF" => &PERSIAN,
        "PK" | "BD" => &PAKISTANI,
        "IN" | "NP" | "LK" => &INDIAN,
        "CN" | "HK" | "TW" | "SG" | "MO" => &CHINESE,
        "VN" => &VIETNAMESE,
        _ => &ENGLISH,
    }
}

const DUTCH: Pool = Pool {
    script: Script::Latin,
    male: &["Jan", "Pieter", "Sander", "Bram", "Thijs", "Daan", "Ruud", "Kees", "Jeroen", "Niels", "Stefan"],
    female: &["Anna", "Sanne", "Lotte", "Eva", "Femke", "Inge", "Marieke", "Joyce", "Esther"],
    family: &[
        "de Jong",
        "Jansen",
        "de Vries",
        "van den Berg",
        "van Dijk",
        "Bakker",
        "Visser",
        "Smit",
        "Meijer",
        "de Boer",
        "Mulder",
        "Bos",
        "Vos",
        "Peters",
        "Hendriks",
        "van Leeuwen",
        "Dekker",
        "Brouwer",
    ],
    patronymics: &[],
    streets: &[
        "Kerkstraat",
        "Dorpsstraat",
        "Molenweg",
        "Stationsweg",
        "Schoolstraat",
        "Nieuwstraat",
        "Julianalaan",
    ],
    street_format: "{s} {n}",
    postal_format: "N999 AA",
    feminine: Feminine::Same,
    double_family: false,
};

const GERMAN: Pool = Pool {
    script: Script::Latin,
    male: &[
        "Lukas",
        "Jonas",
        "Maximilian",
        "Felix",
        "Thomas",
        "Andreas",
        "Stefan",
        "Michael",
        "Jürgen",
        "Tobias",
    ],
    female: &["Anna", "Julia", "Laura", "Katharina", "Sabine", "Petra", "Monika", "Lena", "Jana"],
    family: &[
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Schulz",
        "Hoffmann",
        "Koch",
        "Richter",
        "Klein",
        "Wolf",
        "Schröder",
        "Neumann",
    ],
    patronymics: &[],
    streets: &["Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße", "Dorfstraße", "Bergstraße"],
    street_format: "{s} {n}",
    postal_format: "99999",
    feminine: Feminine::Same,
    double_family: false,
};

const FRENCH: Pool = Pool {
    script: Script::Latin,
    male: &[
        "Jean",
        "Pierre",
        "Nicolas",
        "Julien",
        "Thomas",
        "Antoine",
        "Mathieu",
        "Olivier",
        "Sébastien",
        "Karim",
    ],
    female: &["Marie", "Camille", "Julie", "Sophie", "Claire", "Élodie", "Nathalie", "Aurélie", "Inès"],
    family: &[
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Lefèvre", "Girard", "Fontaine", "Mercier", "Lambert", "Peeters",
    ],
    patronymics: &[],
    streets: &[
        "rue de la République",
        "rue Victor Hugo",
        "avenue Jean Jaurès",
        "rue Pasteur",
        "boulevard Gambetta",
    ],
    street_format: "{n} {s}",
    postal_format: "99999",
    feminine: Feminine::Same,
    double_family: false,
};

const SPANISH: Pool = Pool {
    script: Script::Latin,
    male: &["José", "Juan", "Carlos", "Luis", "Miguel", "Javier", "Andrés", "Diego", "Jorge", "Alejandro"],
    female: &["María", "Carmen", "Ana", "Laura", "Lucía", "Sofía", "Valentina", "Daniela", "Paola"],
    family: &[
        "García",
        "Rodríguez",
        "Martínez",
        "López",
        "González",
        "Hernández",
        "Pérez",
        "Sánchez",
        "Ramírez",
        "Torres",
        "Flores",
        "Vargas",
        "Castillo",
        "Morales",
        "Restrepo",
        "Guzmán",
        "Quintero",
        "Zambrano",
    ],
    patronymics: &[],
    streets: &["calle Mayor", "avenida de la Constitución", "calle Real", "carrera 7", "calle Bolívar"],
    street_format: "{s} {n}",
    postal_format: "99999",
    feminine: Feminine::Same,
    double_family: true,
};

const PORTUGUESE: Pool = Pool {
    script: Script::Latin,
    male: &["João", "Pedro", "Lucas", "Gabriel", "Rafael", "Tiago", "Rui", "Paulo", "Marcos"],
    female: &["Ana", "Maria", "Beatriz", "Mariana", "Juliana", "Fernanda", "Inês", "Patrícia"],
    family: &[
        "Silva",
        "Santos",
        "Oliveira",
        "Souza",
        "Pereira",
        "Costa",
        "Ferreira",
        "Rodrigues",
        "Almeida",
        "Carvalho",
        "Gomes",
        "Ribeiro",
    ],
    patronymics: &[],
    streets: &[
        "Rua das Flores",
        "Avenida da Liberdade",
        "Rua Augusta",
        "Rua do Comércio",
        "Avenida Paulista",
    ],
    street_format: "{s}, {n}",
    postal_format: "N999-999",
    feminine: Feminine::Same,
    double_family: false,
};

const ITALIAN: Pool = Pool {
    script: Script::Latin,
    male: &["Giuseppe", "Marco", "Luca", "Francesco", "Alessandro", "Antonio", "Salvatore", "Giovanni"],
    female: &["Giulia", "Francesca", "Chiara", "Sara", "Valentina", "Alessia", "Martina"],
    family: &[
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Greco", "Bruno",
        "Gallo", "Conti", "Mancini",
    ],
    patronymics: &[],
    streets: &["Via Roma", "Via Garibaldi", "Corso Italia", "Via Mazzini", "Via Dante"],
    street_format: "{s} {n}",
    postal_format: "99999",
    feminine: Feminine::Same,
    double_family: false,
};

const ENGLISH: Pool = Pool {
    script: Script::Latin,
    male: &["James", "John", "Michael", "David", "Daniel", "Christopher", "Ryan", "Liam", "Connor", "Marcus"],
    female: &["Sarah", "Emma", "Jessica", "Emily", "Olivia", "Hannah", "Chloe", "Siobhan"],
    family: &[
        "Smith", "Johnson", "Williams", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Walker",
        "Campbell", "O'Brien", "Murphy", "Robinson", "Clarke",
    ],
    patronymics: &[],
    streets: &["High Street", "Station Road", "Church Lane", "Main Street", "Park Avenue", "Victoria Road"],
    street_format: "{n} {s}",
    postal_format: "AA9 9AA",
    feminine: Feminine::Same,
    double_family: false,
};

const POLISH: Pool = Pool {
    script: Script::Latin,
    male: &["Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Marcin", "Łukasz", "Grzegorz"],
    female: &["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Joanna", "Magdalena"],
    family: &[
        "Nowak",
        "Kowalski",
        "Wiśniewski",
        "Wójcik",
        "Kowalczyk",
        "Kamiński",
        "Lewandowski",
        "Zieliński",
        "Szymański",
        "Dąbrowski",
        "Wróblewski",
        "Jaworski",
    ],
    patronymics: &[],
    streets: &["ul. Długa", "ul. Mickiewicza", "ul. Kościuszki", "ul. Polna", "ul. Lipowa"],
    street_format: "{s} {n}",
    postal_format: "99-999",
    feminine: Feminine::Polish,
    double_family: false,
};

const TURKISH: Pool = Pool {
    script: Script::Latin,
    male: &["Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "Murat", "Emre", "Burak"],
    female: &["Ayşe", "Fatma", "Emine", "Zeynep", "Elif", "Hatice", "Merve"],
    family: &[
        "Yılmaz",
        "Kaya",
        "Demir",
        "Şahin",
        "Çelik",
        "Yıldız",
        "Yıldırım",
        "Öztürk",
        "Aydın",
        "Özdemir",
        "Arslan",
        "Doğan",
    ],
    patronymics: &[],
    streets: &["Atatürk Caddesi", "Cumhuriyet Caddesi", "İstiklal Caddesi", "Gazi Bulvarı"],
    street_format: "{s} No: {n}",
    postal_format: "99999",
    feminine: Feminine::Same,
    double_family: false,
};

const ALBANIAN: Pool = Pool {
    script: Script::Latin,
    male: &["Arben", "Besnik", "Dritan", "Ermal", "Gentian", "Ilir", "Klodian", "Altin"],
    female: &["Albana", "Elira", "Drita", "Mimoza", "Blerina", "Anila"],
    family: &["Hoxha", "Shehu", "Krasniqi", "Berisha", "Gashi", "Leka", "Dervishi", "Muça", "Kola"],
    patronymics: &[],
    streets: &["Rruga e Durrësit", "Rruga Myslym Shyri", "Rruga e Kavajës", "Bulevardi Zogu I"],
    street_format: "{s} {n}",
    postal_format: "9999",
    feminine: Feminine::Same,
    double_family: false,
};

const ROMANIAN: Pool = Pool {
    script: Script::Latin,
    male: &["Andrei", "Alexandru", "Ion", "Mihai", "Gheorghe", "Florin", "Adrian", "Vasile"],
    female: &["Maria", "Elena", "Ioana", "Andreea", "Mihaela", "Cristina"],
    family: &["Popescu", "Ionescu", "Popa", "Radu", "Dumitru", "Stan", "Stoica", "Munteanu", "Ciobanu"],
    patronymics: &[],
    streets: &["Strada Victoriei", "Bulevardul Unirii", "Strada Mihai Eminescu", "Strada Independenței"],
    street_format: "{s} {n}",
    postal_format: "999999",
    feminine: Feminine::Same,
    double_family: false,
};

const NORDIC: Pool = Pool {
    script: Script::Latin,
    male: &["Erik", "Lars", "Anders", "Johan", "Mikael", "Nils", "Mikko", "Juha", "Henrik"],
    female: &["Anna", "Maria", "Karin", "Sara", "Ingrid", "Liisa", "Mette"],
    family: &[
        "Johansson",
        "Andersson",
        "Karlsson",
        "Nilsson",
        "Eriksson",
        "Larsen",
        "Hansen",
        "Jensen",
        "Nielsen",
        "Virtanen",
        "Korhonen",
        "Mäkinen",
    ],
    patronymics: &[],
    streets: &["Storgatan", "Kungsgatan", "Drottninggatan", "Strandvejen", "Kirkegata"],
    street_format: "{s} {n}",
    postal_format: "999 99",
    feminine: Feminine::Same,
    double_family: false,
};

const WEST_AFRICAN: Pool = Pool {
    script: Script::Latin,
    male: &["Chinedu", "Emeka", "Oluwaseun", "Tunde", "Ifeanyi", "Kwame", "Kofi", "Yaw", "Segun"],
    female: &["Ngozi", "Chioma", "Funmilayo", "Adaeze", "Ama", "Abena", "Blessing"],
    family: &[
        "Okafor", "Adeyemi", "Okonkwo", "Eze", "Balogun", "Mensah", "Owusu", "Nwosu", "Ogunleye", "Boateng",
        "Adebayo", "Asante",
    ],
    patronymics: &[],
    streets: &["Allen Avenue", "Broad Street", "Adeola Odeku Street", "Ring Road", "Oxford Street"],
    street_format: "{n} {s}",
    postal_format: "999999",
    feminine: Feminine::Same,
    double_family: false,
};

const PAKISTANI: Pool = Pool {
    script: Script::Latin,
    male: &["Muhammad", "Imran", "Asif", "Bilal", "Usman", "Tariq", "Kamran", "Faisal"],
    female: &["Ayesha", "Fatima", "Sana", "Nadia", "Saima", "Rabia"],
    family: &["Khan", "Ahmed", "Hussain", "Malik", "Qureshi", "Butt", "Chaudhry", "Sheikh", "Raza"],
    patronymics: &[],
    streets: &["Mall Road", "Jinnah Avenue", "Shahrah-e-Faisal", "Gulberg Main Boulevard"],
    street_format: "House {n}, {s}",
    postal_format: "99999",
    feminine: Feminine::Same,
    double_family: false,
};

const INDIAN: Pool = Pool {
    script: Script::Latin,
    male: &["Rahul", "Amit", "Vikram", "Sanjay", "Arjun", "Rajesh", "Suresh", "Anil"],
    female: &["Priya", "Anjali", "Sunita", "Neha", "Pooja", "Kavita"],
    family: &["Sharma", "Singh", "Patel", "Kumar", "Gupta", "Reddy", "Nair", "Iyer", "Mehta", "Shah"],
    patronymics: &[],
    streets: &["MG Road", "Nehru Street", "Station Road", "Gandhi Nagar", "Park Street"],
    street_format: "{n}, {s}",
    postal_format: "999999",
    feminine: Feminine::Same,
    double_family: false,
};

const VIETNAMESE: Pool = Pool {
    script: Script::Latin,
    male: &["Văn Minh", "Văn Hùng", "Đức Anh", "Quốc Bảo", "Thanh Tùng", "Hoàng Nam"],
    female: &["Thị Lan", "Thị Hương", "Thị Mai", "Ngọc Anh", "Thu Trang"],
    family: &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi"],
    patronymics: &[],
    streets: &["Đường Lê Lợi", "Đường Trần Hưng Đạo", "Phố Huế", "Đường Nguyễn Trãi"],
    street_format: "{n} {s}",
    postal_format: "999999",
    feminine: Feminine::Same,
    double_family: false,
};

const RUSSIAN: Pool = Pool {
    script: Script::Cyrillic,
    male: &[
        "Александр|Aleksandr",
        "Сергей|Sergey",
        "Дмитрий|Dmitriy",
        "Андрей|Andrey",
        "Алексей|Aleksey",
        "Максим|Maksim",
        "Иван|Ivan",
        "Михаил|Mikhail",
        "Николай|Nikolay",
    ],
    female: &[
        "Елена|Elena",
        "Ольга|Olga",
        "Наталья|Natalya",
        "Татьяна|Tatyana",
        "Анна|Anna",
        "Мария|Mariya",
        "Ирина|Irina",
    ],
    family: &[
        "Иванов|Ivanov",
        "Смирнов|Smirnov",
        "Кузнецов|Kuznetsov",
        "Попов|Popov",
        "Васильев|Vasilyev",
        "Петров|Petrov",
        "Соколов|Sokolov",
        "Михайлов|Mikhaylov",
        "Новиков|Novikov",
        "Морозов|Morozov",
        "Волков|Volkov",
        "Лебедев|Lebedev",
        "Козлов|Kozlov",
        "Никитин|Nikitin",
        "Ковальский|Kovalsky",
    ],
    patronymics: &[
        "Александрович|Aleksandrovich|Александровна|Aleksandrovna",
        "Сергеевич|Sergeyevich|Сергеевна|Sergeyevna",
        "Иванович|Ivanovich|Ивановна|Ivanovna",
        "Петрович|Petrovich|Петровна|Petrovna",
        "Владимирович|Vladimirovich|Владимировна|Vladimirovna",
        "Николаевич|Nikolayevich|Николаевна|Nikolayevna",
    ],
    streets: &["ул. Ленина", "ул. Советская", "ул. Мира", "ул. Садовая", "пр. Победы", "ул. Гагарина"],
    street_format: "{s}, д. {n}",
    postal_format: "999999",
    feminine: Feminine::Slavic,
    double_family: false,
};

const UKRAINIAN: Pool = Pool {
    script: Script::Cyrillic,
    male: &[
        "Олександр|Oleksandr",
        "Андрій|Andrii",
        "Сергій|Serhii",
        "Віктор|Viktor",
        "Дмитро|Dmytro",
        "Тарас|Taras",
        "Богдан|Bohdan",
        "Юрій|Yurii",
    ],
    female: &[
        "Олена|Olena",
        "Наталія|Nataliia",
        "Оксана|Oksana",
        "Ірина|Iryna",
        "Юлія|Yuliia",
        "Тетяна|Tetiana",
    ],
    family: &[
        "Шевченко|Shevchenko",
        "Коваленко|Kovalenko",
        "Бондаренко|Bondarenko",
        "Ткаченко|Tkachenko",
        "Кравченко|Kravchenko",
        "Мельник|Melnyk",
        "Бойко|Boiko",
        "Коваль|Koval",
        "Олійник|Oliinyk",
        "Лисенко|Lysenko",
    ],
    patronymics: &[],
    streets: &["вул. Шевченка", "вул. Хрещатик", "вул. Франка", "вул. Грушевського", "просп. Свободи"],
    street_format: "{s}, {n}",
    postal_format: "99999",
    feminine: Feminine::Same,
    double_family: false,
};

const BULGARIAN: Pool = Pool {
    script: Script::Cyrillic,
    male: &[
        "Георги|Georgi",
        "Иван|Ivan",
        "Димитър|Dimitar",
        "Николай|Nikolay",
        "Петър|Petar",
        "Христо|Hristo",
        "Стоян|Stoyan",
    ],
    female: &["Мария|Maria", "Иванка|Ivanka", "Елена|Elena", "Йорданка|Yordanka", "Десислава|Desislava"],
    family: &[
        "Иванов|Ivanov",
        "Георгиев|Georgiev",
        "Димитров|Dimitrov",
        "Петров|Petrov",
        "Николов|Nikolov",
        "Христов|Hristov",
        "Стоянов|Stoyanov",
        "Тодоров|Todorov",
    ],
    patronymics: &[],
    streets: &["ул. „Витоша“", "бул. „Христо Ботев“", "ул. „Раковски“", "бул. „България“"],
    street_format: "{s} {n}",
    postal_format: "9999",
    feminine: Feminine::Slavic,
    double_family: false,
};

const SERBIAN: Pool = Pool {
    script: Script::Cyrillic,
    male: &["Никола|Nikola", "Марко|Marko", "Стефан|Stefan", "Милош|Miloš", "Дејан|Dejan", "Зоран|Zoran"],
    female: &["Јелена|Jelena", "Марија|Marija", "Ана|Ana", "Милица|Milica", "Драгана|Dragana"],
    family: &[
        "Јовановић|Jovanović",
        "Петровић|Petrović",
        "Николић|Nikolić",
        "Марковић|Marković",
        "Ђорђевић|Đorđević",
        "Стојановић|Stojanović",
        "Илић|Ilić",
    ],
    patronymics: &[],
    streets: &["Булевар краља Александра", "Кнез Михаилова", "Улица Немањина", "Булевар ослобођења"],
    street_format: "{s} {n}",
    postal_format: "99999",
    feminine: Feminine::Same,
    double_family: false,
};

const ARABIC: Pool = Pool {
    script: Script::Arabic,
    male: &[
        "محمد|Mohamed",
        "أحمد|Ahmed",
        "يوسف|Youssef",
        "عمر|Omar",
        "خالد|Khaled",
        "علي|Ali",
        "حسن|Hassan",
        "إبراهيم|Ibrahim",
        "عبد الله|Abdallah",
        "مصطفى|Mustafa",
        "كريم|Karim",
    ],
    female: &[
        "فاطمة|Fatima",
        "مريم|Mariam",
        "عائشة|Aisha",
        "خديجة|Khadija",
        "نور|Nour",
        "سارة|Sara",
        "ليلى|Layla",
        "زينب|Zainab",
    ],
    family: &[
        "العلوي|El Alaoui",
        "بنعلي|Benali",
        "الإدريسي|El Idrissi",
        "حداد|Haddad",
        "منصور|Mansour",
        "الحسيني|Al-Husseini",
        "الشامي|Al-Shami",
        "عبد الرحمن|Abdelrahman",
        "السيد|El-Sayed",
        "بن سالم|Ben Salem",
        "التميمي|Al-Tamimi",
        "القحطاني|Al-Qahtani",
        "الخطيب|Al-Khatib",
    ],
    patronymics: &[],
    streets: &["شارع محمد الخامس", "شارع الجمهورية", "شارع الملك فهد", "شارع الحمراء", "شارع النيل"],
    street_format: "{s} {n}",
    postal_format: "99999",
    feminine: Feminine::Same,
    double_family: false,
};

const PERSIAN: Pool = Pool {
    script: Script::Arabic,
    male: &["محمد|Mohammad", "علی|Ali", "رضا|Reza", "حسین|Hossein", "مهدی|Mehdi", "احمد|Ahmad", "جواد|Javad"],
    female: &["فاطمه|Fatemeh", "زهرا|Zahra", "مریم|Maryam", "سارا|Sara", "نرگس|Narges"],
    family: &[
        "احمدی|Ahmadi",
        "محمدی|Mohammadi",
        "رضایی|Rezaei",
        "حسینی|Hosseini",
        "کریمی|Karimi",
        "رحیمی|Rahimi",
        "نوری|Nouri",
        "سلطانی|Soltani",
    ],
    patronymics: &[],
    streets: &["خیابان ولیعصر", "خیابان انقلاب", "خیابان آزادی", "خیابان شریعتی"],
    street_format: "{s}، پلاک {n}",
    postal_format: "9999999999",
    feminine: Feminine::Same,
    double_family: false,
};

const CHINESE: Pool = Pool {
    script: Script::Han,
    male: &[
        "伟|Wei",
        "强|Qiang",
        "磊|Lei",
        "军|Jun",
        "勇|Yong",
        "杰|Jie",
        "涛|Tao",
        "明|Ming",
        "俊杰|Junjie",
        "志强|Zhiqiang",
    ],
    female: &["芳|Fang", "娜|Na", "敏|Min", "静|Jing", "丽|Li", "秀英|Xiuying", "婷|Ting"],
    family: &[
        "王|Wang",
        "李|Li",
        "张|Zhang",
        "刘|Liu",
        "陈|Chen",
        "杨|Yang",
        "黄|Huang",
        "赵|Zhao",
        "吴|Wu",
        "周|Zhou",
        "林|Lin",
    ],
    patronymics: &[],
    streets: &["人民路", "中山路", "解放路", "建设路", "长江路"],
    street_format: "{s}{n}号",
    postal_format: "999999",
    feminine: Feminine::Same,
    double_family: false,
};

/// Every pool, for tests.
#[cfg(test)]
pub(crate) const ALL: &[&Pool] = &[
    &DUTCH,
    &GERMAN,
    &FRENCH,
    &SPANISH,
    &PORTUGUESE,
    &ITALIAN,
    &ENGLISH,
    &POLISH,
    &TURKISH,
    &ALBANIAN,
    &ROMANIAN,
    &NORDIC,
    &WEST_AFRICAN,
    &PAKISTANI,
    &INDIAN,
    &VIETNAMESE,
    &RUSSIAN,
    &UKRAINIAN,
    &BULGARIAN,
    &SERBIAN,
    &ARABIC,
    &PERSIAN,
    &CHINESE,
];

/// Removes accents and keeps ASCII letters and digits, lowercased: for email addresses.
pub(crate) fn ascii_slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let mapped = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ă' | 'À' | 'Á' | 'Â' | 'Ä' => "a",
            'ç' | 'ć' | 'č' | 'Ç' | 'Č' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'É' | 'È' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'İ' | 'Í' => "i",
            'ñ' | 'ń' | 'Ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ö' | 'Ó' => "o",
            'ù' | 'ú' | 'û' | 'ü' | 'Ü' | 'Ú' => "u",
            'ý' | 'ÿ' => "y",
            'ś' | 'š' | 'ş' | 'ș' | 'Ş' | 'Š' | 'Ś' => "s",
            'ź' | 'ż' | 'ž' | 'Ż' | 'Ž' => "z",
            'ł' | 'Ł' => "l",
            'ğ' => "g",
            'ț' | 'ţ' => "t",
            'đ' | 'Đ' => "d",
            'ß' => "ss",
            'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' | 'ắ' | 'ằ' | 'ặ' => "a",
            'ơ' | 'ờ' | 'ớ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ộ' => "o",
            'ư' | 'ừ' | 'ứ' | 'ụ' | 'ủ' => "u",
            'ễ' | 'ệ' | 'ế' | 'ề' | 'ẹ' => "e",
            'ị' | 'ỉ' => "i",
            _ if c.is_ascii_alphanumeric() => {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            _ => continue,
        };
        out.push_str(mapped);
    }
    out
}
