//! Demonstration publications of the hub: a user guide in each of the seven languages for the
//! library, an alert, an analytical report and a bulletin, and a forum thread between the first
//! two national nodes. Created once; a resumed federation keeps what it has.

use serde_json::{Value, json};

use crate::cluster::Cluster;

/// (language, title, text) of the user guides.
const GUIDES: [(&str, &str, &str); 7] = [
    (
        "en",
        "nCEN user guide",
        "Record seizures, suspects and companies with the code lists' drop-downs; every record is signed by your node.\n\n\
         Search the three databases at once, chart statistics and export results. Exchange records only under a bilateral agreement; the WCO hub receives the non-nominal part of seizures.",
    ),
    (
        "fr",
        "Guide de l'utilisateur nCEN",
        "Saisissez les saisies, les suspects et les entreprises à l'aide des listes de codes ; chaque enregistrement est signé par votre nœud.\n\n\
         Recherchez dans les trois bases à la fois, produisez des statistiques et exportez les résultats. Les échanges n'ont lieu que dans le cadre d'un accord bilatéral ; le nœud central de l'OMD reçoit la partie non nominative des saisies.",
    ),
    (
        "es",
        "Guía del usuario de nCEN",
        "Registre incautaciones, sospechosos y empresas con las listas de códigos; cada registro lo firma su nodo.\n\n\
         Busque en las tres bases a la vez, obtenga estadísticas y exporte los resultados. Los intercambios solo se realizan en virtud de un acuerdo bilateral; el nodo central de la OMA recibe la parte no nominativa de las incautaciones.",
    ),
    (
        "pt",
        "Guia do utilizador do nCEN",
        "Registe apreensões, suspeitos e empresas com as listas de códigos; cada registo é assinado pelo seu nó.\n\n\
         Pesquise nas três bases ao mesmo tempo, produza estatísticas e exporte os resultados. As trocas só ocorrem ao abrigo de um acordo bilateral; o nó central da OMA recebe a parte não nominativa das apreensões.",
    ),
    (
        "ru",
        "Руководство пользователя nCEN",
        "Вносите изъятия, подозреваемых и компании с помощью справочников; каждая запись подписывается вашим узлом.\n\n\
         Ищите сразу по трём базам, стройте статистику и выгружайте результаты. Обмен записями возможен только по двустороннему соглашению; центральный узел ВТамО получает неличную часть сведений об изъятиях.",
    ),
    (
        "de",
        "nCEN-Benutzerhandbuch",
        "Erfassen Sie Sicherstellungen, Verdächtige und Unternehmen mit den Codelisten; jeder Datensatz wird von Ihrem Knoten signiert.\n\n\
         Durchsuchen Sie die drei Datenbanken zugleich, erstellen Sie Statistiken und exportieren Sie Ergebnisse. Ausgetauscht wird nur auf Grundlage einer bilateralen Vereinbarung; der WZO-Knoten erhält den nicht personenbezogenen Teil der Sicherstellungen.",
    ),
    (
        "ar",
        "دليل مستخدم nCEN",
        "سجّل المضبوطات والمشتبه بهم والشركات باستخدام قوائم الرموز؛ وكل سجل توقّعه عقدتك.\n\n\
         ابحث في قواعد البيانات الثلاث معًا، واستخرج الإحصاءات وصدّر النتائج. لا يتم التبادل إلا بموجب اتفاق ثنائي؛ وتتلقى العقدة المركزية لمنظمة الجمارك العالمية الجزء غير الاسمي من المضبوطات.",
    ),
];

/// Publishes the demonstration set unless the hub has published something already.
pub async fn demo(cluster: &Cluster) -> anyhow::Result<()> {
    let hub = cluster.hub()?;
    let existing = hub.client.get_ok("analyst", "/api/v1/publications").await?;
    if existing.as_array().is_some_and(|p| !p.is_empty()) {
        return Ok(());
    }
    for (language, title, body) in GUIDES {
        let doc = json!({"kind": "document", "language": language, "title": title, "body": body});
        hub.client.post_ok("admin", "/api/v1/publications", &doc).await?;
    }
    let items: [Value; 3] = [
        json!({"kind": "report", "language": "en", "title": "Cocaine trafficking by sea container, 2026",
               "body": "Seizures in reefer containers of fruit rose again this year. Most left from Ecuador and Colombia and were hidden in the cooling units or behind false walls.",
               "regions": ["EC", "CO", "NL", "BE"], "commodities": ["DRUGS.COCAINE"]}),
        json!({"kind": "bulletin", "language": "en", "title": "Illicit trade bulletin, November",
               "body": "Tobacco seizures at land borders doubled; counterfeit medicines arrive by express courier in small parcels.",
               "commodities": ["REVENUE.TOBACCO.CIGARETTES"]}),
        json!({"kind": "alert", "language": "en", "title": "Reefers from Guayaquil: cocaine in the cooling units",
               "body": "Check the evaporator housing and the insulation panels of reefer containers from Guayaquil.",
               "regions": ["EC"], "commodities": ["DRUGS.COCAINE"]}),
    ];
    for item in items {
        hub.client.post_ok("analyst", "/api/v1/publications", &item).await?;
    }
    let nodes: Vec<_> = cluster.nationals().collect();
    if let [first, second, ..] = nodes.as_slice() {
        let thread = first
            .client
            .post_ok("officer", "/api/v1/forum/threads", &json!({"title": "Reefer cooling units",
                "body": "We found cocaine behind the evaporator of a reefer from Guayaquil. Has anyone seen the same?"}))
            .await?;
        if let Some(id) = thread["thread"].as_str() {
            // The reply waits for the thread to reach the second node through the hub.
            for _ in 0..50 {
                let got = second.client.get_ok("officer", &format!("/api/v1/forum/threads/{id}")).await;
                if got.is_ok() {
                    second
                        .client
                        .post_ok(
                            "officer",
                            &format!("/api/v1/forum/threads/{id}/posts"),
                            &json!({"body": "Yes, twice in Antwerp this month, in the same place."}),
                        )
                        .await?;
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
        }
    }
    Ok(())
}
